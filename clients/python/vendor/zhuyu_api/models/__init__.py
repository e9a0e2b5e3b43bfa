"""Contains all the data models used in inputs/outputs"""

from .complaints_arrangement_in import ComplaintsArrangementIn
from .complaints_arrangement_in_holidays_item import ComplaintsArrangementInHolidaysItem
from .complaints_arrangement_in_workdays_item import ComplaintsArrangementInWorkdaysItem
from .complaints_assign_in import ComplaintsAssignIn
from .complaints_calendar_day import ComplaintsCalendarDay
from .complaints_calendar_out import ComplaintsCalendarOut
from .complaints_calendar_summary import ComplaintsCalendarSummary
from .complaints_calendar_year_out import ComplaintsCalendarYearOut
from .complaints_call_back_in import ComplaintsCallBackIn
from .complaints_call_in import ComplaintsCallIn
from .complaints_call_out import ComplaintsCallOut
from .complaints_call_page import ComplaintsCallPage
from .complaints_call_try import ComplaintsCallTry
from .complaints_callback_in import ComplaintsCallbackIn
from .complaints_callback_in_attitude_type_1 import ComplaintsCallbackInAttitudeType1
from .complaints_callback_in_attitude_type_2_type_1 import (
    ComplaintsCallbackInAttitudeType2Type1,
)
from .complaints_callback_in_attitude_type_3_type_1 import (
    ComplaintsCallbackInAttitudeType3Type1,
)
from .complaints_complainant import ComplaintsComplainant
from .complaints_complaint_in import ComplaintsComplaintIn
from .complaints_complaint_in_category import ComplaintsComplaintInCategory
from .complaints_complaint_in_channel import ComplaintsComplaintInChannel
from .complaints_complaint_in_severity import ComplaintsComplaintInSeverity
from .complaints_complaint_in_type import ComplaintsComplaintInType
from .complaints_complaint_out import ComplaintsComplaintOut
from .complaints_complaint_out_complainant import ComplaintsComplaintOutComplainant
from .complaints_complaint_out_deadlines import ComplaintsComplaintOutDeadlines
from .complaints_complaint_page import ComplaintsComplaintPage
from .complaints_deadline_out import ComplaintsDeadlineOut
from .complaints_follow_up_in import ComplaintsFollowUpIn
from .complaints_gap_out import ComplaintsGapOut
from .complaints_handover_in import ComplaintsHandoverIn
from .complaints_handover_out import ComplaintsHandoverOut
from .complaints_handover_out_pending import ComplaintsHandoverOutPending
from .complaints_handover_page import ComplaintsHandoverPage
from .complaints_history_entry import ComplaintsHistoryEntry
from .complaints_hotline_out import ComplaintsHotlineOut
from .complaints_investigation_in import ComplaintsInvestigationIn
from .complaints_loaded_out import ComplaintsLoadedOut
from .complaints_merge_in import ComplaintsMergeIn
from .complaints_misconduct_in import ComplaintsMisconductIn
from .complaints_misconduct_out import ComplaintsMisconductOut
from .complaints_misconduct_page import ComplaintsMisconductPage
from .complaints_note_in import ComplaintsNoteIn
from .complaints_pause_in import ComplaintsPauseIn
from .complaints_point_stats import ComplaintsPointStats
from .complaints_point_stats_out import ComplaintsPointStatsOut
from .complaints_point_stats_out_targets import ComplaintsPointStatsOutTargets
from .complaints_reason_in import ComplaintsReasonIn
from .complaints_reply_in import ComplaintsReplyIn
from .complaints_resolve_in import ComplaintsResolveIn
from .complaints_review_in import ComplaintsReviewIn
from .complaints_satisfaction_out import ComplaintsSatisfactionOut
from .complaints_shift_figures import ComplaintsShiftFigures
from .complaints_shift_in import ComplaintsShiftIn
from .complaints_shift_list import ComplaintsShiftList
from .complaints_shift_out import ComplaintsShiftOut
from .complaints_stats_totals import ComplaintsStatsTotals
from .complaints_survey_in import ComplaintsSurveyIn
from .complaints_survey_in_subject_type import ComplaintsSurveyInSubjectType
from .complaints_survey_out import ComplaintsSurveyOut
from .complaints_template_change import ComplaintsTemplateChange
from .complaints_template_change_category_type_1 import (
    ComplaintsTemplateChangeCategoryType1,
)
from .complaints_template_change_category_type_2_type_1 import (
    ComplaintsTemplateChangeCategoryType2Type1,
)
from .complaints_template_change_category_type_3_type_1 import (
    ComplaintsTemplateChangeCategoryType3Type1,
)
from .complaints_template_in import ComplaintsTemplateIn
from .complaints_template_in_category_type_1 import ComplaintsTemplateInCategoryType1
from .complaints_template_in_category_type_2_type_1 import (
    ComplaintsTemplateInCategoryType2Type1,
)
from .complaints_template_in_category_type_3_type_1 import (
    ComplaintsTemplateInCategoryType3Type1,
)
from .complaints_template_in_language import ComplaintsTemplateInLanguage
from .complaints_template_out import ComplaintsTemplateOut
from .complaints_template_page import ComplaintsTemplatePage
from .complaints_token_survey_in import ComplaintsTokenSurveyIn
from .create_api_key_body import CreateApiKeyBody
from .create_api_key_body_scopes_item import CreateApiKeyBodyScopesItem
from .create_api_key_response_201 import CreateApiKeyResponse201
from .create_user_body import CreateUserBody
from .create_user_body_role import CreateUserBodyRole
from .create_user_response_201 import CreateUserResponse201
from .get_auth_me_response_200 import GetAuthMeResponse200
from .get_complaint_list_status import GetComplaintListStatus
from .get_health_response_200 import GetHealthResponse200
from .get_health_response_200_broker import GetHealthResponse200Broker
from .get_health_response_200_services import GetHealthResponse200Services
from .get_health_response_200_services_additional_property import (
    GetHealthResponse200ServicesAdditionalProperty,
)
from .get_health_response_200_status import GetHealthResponse200Status
from .get_health_response_503 import GetHealthResponse503
from .get_health_response_503_broker import GetHealthResponse503Broker
from .get_health_response_503_services import GetHealthResponse503Services
from .get_health_response_503_services_additional_property import (
    GetHealthResponse503ServicesAdditionalProperty,
)
from .get_health_response_503_status import GetHealthResponse503Status
from .get_incident_list_severity import GetIncidentListSeverity
from .get_monthly_report_format import GetMonthlyReportFormat
from .get_monthly_report_lang_type_1 import GetMonthlyReportLangType1
from .get_monthly_report_lang_type_2_type_1 import GetMonthlyReportLangType2Type1
from .get_monthly_report_lang_type_3_type_1 import GetMonthlyReportLangType3Type1
from .get_notifications_channel import GetNotificationsChannel
from .get_notifications_status import GetNotificationsStatus
from .get_settlement_format import GetSettlementFormat
from .get_staff_list_role import GetStaffListRole
from .get_subsidy_applications_category import GetSubsidyApplicationsCategory
from .get_subsidy_applications_status import GetSubsidyApplicationsStatus
from .get_templates_category import GetTemplatesCategory
from .get_templates_language import GetTemplatesLanguage
from .get_visit_list_status import GetVisitListStatus
from .list_api_keys_response_200 import ListApiKeysResponse200
from .list_api_keys_response_200_items_item import ListApiKeysResponse200ItemsItem
from .list_users_response_200 import ListUsersResponse200
from .list_users_response_200_items_item import ListUsersResponse200ItemsItem
from .notify_delivery_out import NotifyDeliveryOut
from .notify_delivery_page import NotifyDeliveryPage
from .notify_notification_out import NotifyNotificationOut
from .notify_notification_page import NotifyNotificationPage
from .notify_notification_read_out import NotifyNotificationReadOut
from .notify_notification_read_page import NotifyNotificationReadPage
from .notify_preferences_in import NotifyPreferencesIn
from .notify_preferences_in_channels_item import NotifyPreferencesInChannelsItem
from .notify_preferences_out import NotifyPreferencesOut
from .notify_recipient import NotifyRecipient
from .notify_webhook_created import NotifyWebhookCreated
from .notify_webhook_in import NotifyWebhookIn
from .notify_webhook_list import NotifyWebhookList
from .notify_webhook_view import NotifyWebhookView
from .post_auth_token_body import PostAuthTokenBody
from .post_auth_token_response_200 import PostAuthTokenResponse200
from .post_auth_token_response_200_token_type import PostAuthTokenResponse200TokenType
from .problem import Problem
from .problem_errors import ProblemErrors
from .registration_assessment_in import RegistrationAssessmentIn
from .registration_assessment_out import RegistrationAssessmentOut
from .registration_certificate import RegistrationCertificate
from .registration_close_in import RegistrationCloseIn
from .registration_close_in_reason import RegistrationCloseInReason
from .registration_commitment_in import RegistrationCommitmentIn
from .registration_commitment_out import RegistrationCommitmentOut
from .registration_consent_in import RegistrationConsentIn
from .registration_consent_in_kind import RegistrationConsentInKind
from .registration_consent_out import RegistrationConsentOut
from .registration_decision_in import RegistrationDecisionIn
from .registration_elder_in import RegistrationElderIn
from .registration_elder_in_gender import RegistrationElderInGender
from .registration_elder_in_language import RegistrationElderInLanguage
from .registration_elder_out import RegistrationElderOut
from .registration_elder_out_consents import RegistrationElderOutConsents
from .registration_elder_out_emergency_contacts_item import (
    RegistrationElderOutEmergencyContactsItem,
)
from .registration_elder_out_ineligibility_reasons_item import (
    RegistrationElderOutIneligibilityReasonsItem,
)
from .registration_elder_page import RegistrationElderPage
from .registration_elder_patch import RegistrationElderPatch
from .registration_elder_patch_gender import RegistrationElderPatchGender
from .registration_elder_patch_language import RegistrationElderPatchLanguage
from .registration_elder_read_out import RegistrationElderReadOut
from .registration_elder_read_page import RegistrationElderReadPage
from .registration_emergency_contact import RegistrationEmergencyContact
from .registration_empty import RegistrationEmpty
from .registration_end_subsidy_in import RegistrationEndSubsidyIn
from .registration_reopen_in import RegistrationReopenIn
from .registration_service_point_in import RegistrationServicePointIn
from .registration_service_point_in_opening_hours import (
    RegistrationServicePointInOpeningHours,
)
from .registration_service_point_out import RegistrationServicePointOut
from .registration_service_point_out_opening_hours import (
    RegistrationServicePointOutOpeningHours,
)
from .registration_service_point_page import RegistrationServicePointPage
from .registration_service_point_patch import RegistrationServicePointPatch
from .registration_service_point_patch_opening_hours import (
    RegistrationServicePointPatchOpeningHours,
)
from .registration_staff_in import RegistrationStaffIn
from .registration_staff_in_care_training_type_1_type_0 import (
    RegistrationStaffInCareTrainingType1Type0,
)
from .registration_staff_in_gender_type_1 import RegistrationStaffInGenderType1
from .registration_staff_in_gender_type_2_type_1 import (
    RegistrationStaffInGenderType2Type1,
)
from .registration_staff_in_gender_type_3_type_1 import (
    RegistrationStaffInGenderType3Type1,
)
from .registration_staff_in_health_certificate_type_1_type_0 import (
    RegistrationStaffInHealthCertificateType1Type0,
)
from .registration_staff_in_roles_item import RegistrationStaffInRolesItem
from .registration_staff_out import RegistrationStaffOut
from .registration_staff_out_care_training_type_0 import (
    RegistrationStaffOutCareTrainingType0,
)
from .registration_staff_out_health_certificate_type_0 import (
    RegistrationStaffOutHealthCertificateType0,
)
from .registration_staff_page import RegistrationStaffPage
from .registration_staff_patch import RegistrationStaffPatch
from .registration_staff_patch_care_training_type_1_type_0 import (
    RegistrationStaffPatchCareTrainingType1Type0,
)
from .registration_staff_patch_gender_type_1 import RegistrationStaffPatchGenderType1
from .registration_staff_patch_gender_type_2_type_1 import (
    RegistrationStaffPatchGenderType2Type1,
)
from .registration_staff_patch_gender_type_3_type_1 import (
    RegistrationStaffPatchGenderType3Type1,
)
from .registration_staff_patch_health_certificate_type_1_type_0 import (
    RegistrationStaffPatchHealthCertificateType1Type0,
)
from .registration_staff_patch_roles_item import RegistrationStaffPatchRolesItem
from .registration_subsidy_in import RegistrationSubsidyIn
from .registration_subsidy_in_category import RegistrationSubsidyInCategory
from .registration_subsidy_in_model_worker_level_type_1 import (
    RegistrationSubsidyInModelWorkerLevelType1,
)
from .registration_subsidy_in_model_worker_level_type_2_type_1 import (
    RegistrationSubsidyInModelWorkerLevelType2Type1,
)
from .registration_subsidy_in_model_worker_level_type_3_type_1 import (
    RegistrationSubsidyInModelWorkerLevelType3Type1,
)
from .registration_subsidy_out import RegistrationSubsidyOut
from .registration_subsidy_out_steps_item import RegistrationSubsidyOutStepsItem
from .registration_subsidy_page import RegistrationSubsidyPage
from .registration_suspend_in import RegistrationSuspendIn
from .registration_training import RegistrationTraining
from .revoke_api_key_response_200 import RevokeApiKeyResponse200
from .visits_bath_in import VisitsBathIn
from .visits_booking_in import VisitsBookingIn
from .visits_booking_out import VisitsBookingOut
from .visits_booking_page import VisitsBookingPage
from .visits_check_in_in import VisitsCheckInIn
from .visits_checkout_in import VisitsCheckoutIn
from .visits_close_plan_in import VisitsClosePlanIn
from .visits_close_plan_in_reason import VisitsClosePlanInReason
from .visits_day_figures import VisitsDayFigures
from .visits_day_figures_refusals_by_reason import VisitsDayFiguresRefusalsByReason
from .visits_empty import VisitsEmpty
from .visits_end_early_in import VisitsEndEarlyIn
from .visits_end_early_in_reason import VisitsEndEarlyInReason
from .visits_figures import VisitsFigures
from .visits_figures_refusals_by_reason import VisitsFiguresRefusalsByReason
from .visits_follow_up_out import VisitsFollowUpOut
from .visits_follow_up_page import VisitsFollowUpPage
from .visits_follow_up_plan_in import VisitsFollowUpPlanIn
from .visits_follow_up_plan_in_first_reading_type_1_type_0 import (
    VisitsFollowUpPlanInFirstReadingType1Type0,
)
from .visits_follow_up_plan_in_programme import VisitsFollowUpPlanInProgramme
from .visits_follow_up_plan_in_service_agreement_type_1_type_0 import (
    VisitsFollowUpPlanInServiceAgreementType1Type0,
)
from .visits_follow_up_plan_out import VisitsFollowUpPlanOut
from .visits_follow_up_plan_out_details_type_0 import VisitsFollowUpPlanOutDetailsType0
from .visits_follow_up_record_in import VisitsFollowUpRecordIn
from .visits_follow_up_record_in_review_type_1_type_0 import (
    VisitsFollowUpRecordInReviewType1Type0,
)
from .visits_follow_up_record_in_social_function_type_1_type_0 import (
    VisitsFollowUpRecordInSocialFunctionType1Type0,
)
from .visits_follow_up_record_in_symptoms_item import VisitsFollowUpRecordInSymptomsItem
from .visits_follow_up_record_out import VisitsFollowUpRecordOut
from .visits_follow_up_record_view import VisitsFollowUpRecordView
from .visits_follow_up_record_view_record_type_0 import (
    VisitsFollowUpRecordViewRecordType0,
)
from .visits_incident_in import VisitsIncidentIn
from .visits_incident_in_kind import VisitsIncidentInKind
from .visits_incident_in_severity import VisitsIncidentInSeverity
from .visits_incident_out import VisitsIncidentOut
from .visits_incident_outcome_in import VisitsIncidentOutcomeIn
from .visits_incident_outcome_in_outcome import VisitsIncidentOutcomeInOutcome
from .visits_incident_page import VisitsIncidentPage
from .visits_period_figures import VisitsPeriodFigures
from .visits_point_day import VisitsPointDay
from .visits_point_figures import VisitsPointFigures
from .visits_point_figures_out import VisitsPointFiguresOut
from .visits_point_figures_refusals_by_reason import VisitsPointFiguresRefusalsByReason
from .visits_point_rate import VisitsPointRate
from .visits_point_rates_out import VisitsPointRatesOut
from .visits_price_in import VisitsPriceIn
from .visits_price_in_funding import VisitsPriceInFunding
from .visits_price_list import VisitsPriceList
from .visits_price_out import VisitsPriceOut
from .visits_quarterly_review import VisitsQuarterlyReview
from .visits_quarterly_review_decision import VisitsQuarterlyReviewDecision
from .visits_rate_totals import VisitsRateTotals
from .visits_reading import VisitsReading
from .visits_rest_in import VisitsRestIn
from .visits_rules_out import VisitsRulesOut
from .visits_screening_in import VisitsScreeningIn
from .visits_screening_in_mental_state import VisitsScreeningInMentalState
from .visits_screening_in_reminders_given_item import (
    VisitsScreeningInRemindersGivenItem,
)
from .visits_screening_out import VisitsScreeningOut
from .visits_service_agreement import VisitsServiceAgreement
from .visits_social_function import VisitsSocialFunction
from .visits_social_function_housework import VisitsSocialFunctionHousework
from .visits_social_function_learning import VisitsSocialFunctionLearning
from .visits_social_function_self_care import VisitsSocialFunctionSelfCare
from .visits_social_function_social_contact import VisitsSocialFunctionSocialContact
from .visits_social_function_work import VisitsSocialFunctionWork
from .visits_timeline_entry import VisitsTimelineEntry
from .visits_timeline_entry_details import VisitsTimelineEntryDetails
from .visits_visit_out import VisitsVisitOut
from .visits_visit_out_funding_type_0 import VisitsVisitOutFundingType0
from .visits_visit_out_screening_type_0 import VisitsVisitOutScreeningType0
from .visits_visit_page import VisitsVisitPage

__all__ = (
    "ComplaintsArrangementIn",
    "ComplaintsArrangementInHolidaysItem",
    "ComplaintsArrangementInWorkdaysItem",
    "ComplaintsAssignIn",
    "ComplaintsCalendarDay",
    "ComplaintsCalendarOut",
    "ComplaintsCalendarSummary",
    "ComplaintsCalendarYearOut",
    "ComplaintsCallBackIn",
    "ComplaintsCallIn",
    "ComplaintsCallOut",
    "ComplaintsCallPage",
    "ComplaintsCallTry",
    "ComplaintsCallbackIn",
    "ComplaintsCallbackInAttitudeType1",
    "ComplaintsCallbackInAttitudeType2Type1",
    "ComplaintsCallbackInAttitudeType3Type1",
    "ComplaintsComplainant",
    "ComplaintsComplaintIn",
    "ComplaintsComplaintInCategory",
    "ComplaintsComplaintInChannel",
    "ComplaintsComplaintInSeverity",
    "ComplaintsComplaintInType",
    "ComplaintsComplaintOut",
    "ComplaintsComplaintOutComplainant",
    "ComplaintsComplaintOutDeadlines",
    "ComplaintsComplaintPage",
    "ComplaintsDeadlineOut",
    "ComplaintsFollowUpIn",
    "ComplaintsGapOut",
    "ComplaintsHandoverIn",
    "ComplaintsHandoverOut",
    "ComplaintsHandoverOutPending",
    "ComplaintsHandoverPage",
    "ComplaintsHistoryEntry",
    "ComplaintsHotlineOut",
    "ComplaintsInvestigationIn",
    "ComplaintsLoadedOut",
    "ComplaintsMergeIn",
    "ComplaintsMisconductIn",
    "ComplaintsMisconductOut",
    "ComplaintsMisconductPage",
    "ComplaintsNoteIn",
    "ComplaintsPauseIn",
    "ComplaintsPointStats",
    "ComplaintsPointStatsOut",
    "ComplaintsPointStatsOutTargets",
    "ComplaintsReasonIn",
    "ComplaintsReplyIn",
    "ComplaintsResolveIn",
    "ComplaintsReviewIn",
    "ComplaintsSatisfactionOut",
    "ComplaintsShiftFigures",
    "ComplaintsShiftIn",
    "ComplaintsShiftList",
    "ComplaintsShiftOut",
    "ComplaintsStatsTotals",
    "ComplaintsSurveyIn",
    "ComplaintsSurveyInSubjectType",
    "ComplaintsSurveyOut",
    "ComplaintsTemplateChange",
    "ComplaintsTemplateChangeCategoryType1",
    "ComplaintsTemplateChangeCategoryType2Type1",
    "ComplaintsTemplateChangeCategoryType3Type1",
    "ComplaintsTemplateIn",
    "ComplaintsTemplateInCategoryType1",
    "ComplaintsTemplateInCategoryType2Type1",
    "ComplaintsTemplateInCategoryType3Type1",
    "ComplaintsTemplateInLanguage",
    "ComplaintsTemplateOut",
    "ComplaintsTemplatePage",
    "ComplaintsTokenSurveyIn",
    "CreateApiKeyBody",
    "CreateApiKeyBodyScopesItem",
    "CreateApiKeyResponse201",
    "CreateUserBody",
    "CreateUserBodyRole",
    "CreateUserResponse201",
    "GetAuthMeResponse200",
    "GetComplaintListStatus",
    "GetHealthResponse200",
    "GetHealthResponse200Broker",
    "GetHealthResponse200Services",
    "GetHealthResponse200ServicesAdditionalProperty",
    "GetHealthResponse200Status",
    "GetHealthResponse503",
    "GetHealthResponse503Broker",
    "GetHealthResponse503Services",
    "GetHealthResponse503ServicesAdditionalProperty",
    "GetHealthResponse503Status",
    "GetIncidentListSeverity",
    "GetMonthlyReportFormat",
    "GetMonthlyReportLangType1",
    "GetMonthlyReportLangType2Type1",
    "GetMonthlyReportLangType3Type1",
    "GetNotificationsChannel",
    "GetNotificationsStatus",
    "GetSettlementFormat",
    "GetStaffListRole",
    "GetSubsidyApplicationsCategory",
    "GetSubsidyApplicationsStatus",
    "GetTemplatesCategory",
    "GetTemplatesLanguage",
    "GetVisitListStatus",
    "ListApiKeysResponse200",
    "ListApiKeysResponse200ItemsItem",
    "ListUsersResponse200",
    "ListUsersResponse200ItemsItem",
    "NotifyDeliveryOut",
    "NotifyDeliveryPage",
    "NotifyNotificationOut",
    "NotifyNotificationPage",
    "NotifyNotificationReadOut",
    "NotifyNotificationReadPage",
    "NotifyPreferencesIn",
    "NotifyPreferencesInChannelsItem",
    "NotifyPreferencesOut",
    "NotifyRecipient",
    "NotifyWebhookCreated",
    "NotifyWebhookIn",
    "NotifyWebhookList",
    "NotifyWebhookView",
    "PostAuthTokenBody",
    "PostAuthTokenResponse200",
    "PostAuthTokenResponse200TokenType",
    "Problem",
    "ProblemErrors",
    "RegistrationAssessmentIn",
    "RegistrationAssessmentOut",
    "RegistrationCertificate",
    "RegistrationCloseIn",
    "RegistrationCloseInReason",
    "RegistrationCommitmentIn",
    "RegistrationCommitmentOut",
    "RegistrationConsentIn",
    "RegistrationConsentInKind",
    "RegistrationConsentOut",
    "RegistrationDecisionIn",
    "RegistrationElderIn",
    "RegistrationElderInGender",
    "RegistrationElderInLanguage",
    "RegistrationElderOut",
    "RegistrationElderOutConsents",
    "RegistrationElderOutEmergencyContactsItem",
    "RegistrationElderOutIneligibilityReasonsItem",
    "RegistrationElderPage",
    "RegistrationElderPatch",
    "RegistrationElderPatchGender",
    "RegistrationElderPatchLanguage",
    "RegistrationElderReadOut",
    "RegistrationElderReadPage",
    "RegistrationEmergencyContact",
    "RegistrationEmpty",
    "RegistrationEndSubsidyIn",
    "RegistrationReopenIn",
    "RegistrationServicePointIn",
    "RegistrationServicePointInOpeningHours",
    "RegistrationServicePointOut",
    "RegistrationServicePointOutOpeningHours",
    "RegistrationServicePointPage",
    "RegistrationServicePointPatch",
    "RegistrationServicePointPatchOpeningHours",
    "RegistrationStaffIn",
    "RegistrationStaffInCareTrainingType1Type0",
    "RegistrationStaffInGenderType1",
    "RegistrationStaffInGenderType2Type1",
    "RegistrationStaffInGenderType3Type1",
    "RegistrationStaffInHealthCertificateType1Type0",
    "RegistrationStaffInRolesItem",
    "RegistrationStaffOut",
    "RegistrationStaffOutCareTrainingType0",
    "RegistrationStaffOutHealthCertificateType0",
    "RegistrationStaffPage",
    "RegistrationStaffPatch",
    "RegistrationStaffPatchCareTrainingType1Type0",
    "RegistrationStaffPatchGenderType1",
    "RegistrationStaffPatchGenderType2Type1",
    "RegistrationStaffPatchGenderType3Type1",
    "RegistrationStaffPatchHealthCertificateType1Type0",
    "RegistrationStaffPatchRolesItem",
    "RegistrationSubsidyIn",
    "RegistrationSubsidyInCategory",
    "RegistrationSubsidyInModelWorkerLevelType1",
    "RegistrationSubsidyInModelWorkerLevelType2Type1",
    "RegistrationSubsidyInModelWorkerLevelType3Type1",
    "RegistrationSubsidyOut",
    "RegistrationSubsidyOutStepsItem",
    "RegistrationSubsidyPage",
    "RegistrationSuspendIn",
    "RegistrationTraining",
    "RevokeApiKeyResponse200",
    "VisitsBathIn",
    "VisitsBookingIn",
    "VisitsBookingOut",
    "VisitsBookingPage",
    "VisitsCheckInIn",
    "VisitsCheckoutIn",
    "VisitsClosePlanIn",
    "VisitsClosePlanInReason",
    "VisitsDayFigures",
    "VisitsDayFiguresRefusalsByReason",
    "VisitsEmpty",
    "VisitsEndEarlyIn",
    "VisitsEndEarlyInReason",
    "VisitsFigures",
    "VisitsFiguresRefusalsByReason",
    "VisitsFollowUpOut",
    "VisitsFollowUpPage",
    "VisitsFollowUpPlanIn",
    "VisitsFollowUpPlanInFirstReadingType1Type0",
    "VisitsFollowUpPlanInProgramme",
    "VisitsFollowUpPlanInServiceAgreementType1Type0",
    "VisitsFollowUpPlanOut",
    "VisitsFollowUpPlanOutDetailsType0",
    "VisitsFollowUpRecordIn",
    "VisitsFollowUpRecordInReviewType1Type0",
    "VisitsFollowUpRecordInSocialFunctionType1Type0",
    "VisitsFollowUpRecordInSymptomsItem",
    "VisitsFollowUpRecordOut",
    "VisitsFollowUpRecordView",
    "VisitsFollowUpRecordViewRecordType0",
    "VisitsIncidentIn",
    "VisitsIncidentInKind",
    "VisitsIncidentInSeverity",
    "VisitsIncidentOut",
    "VisitsIncidentOutcomeIn",
    "VisitsIncidentOutcomeInOutcome",
    "VisitsIncidentPage",
    "VisitsPeriodFigures",
    "VisitsPointDay",
    "VisitsPointFigures",
    "VisitsPointFiguresOut",
    "VisitsPointFiguresRefusalsByReason",
    "VisitsPointRate",
    "VisitsPointRatesOut",
    "VisitsPriceIn",
    "VisitsPriceInFunding",
    "VisitsPriceList",
    "VisitsPriceOut",
    "VisitsQuarterlyReview",
    "VisitsQuarterlyReviewDecision",
    "VisitsRateTotals",
    "VisitsReading",
    "VisitsRestIn",
    "VisitsRulesOut",
    "VisitsScreeningIn",
    "VisitsScreeningInMentalState",
    "VisitsScreeningInRemindersGivenItem",
    "VisitsScreeningOut",
    "VisitsServiceAgreement",
    "VisitsSocialFunction",
    "VisitsSocialFunctionHousework",
    "VisitsSocialFunctionLearning",
    "VisitsSocialFunctionSelfCare",
    "VisitsSocialFunctionSocialContact",
    "VisitsSocialFunctionWork",
    "VisitsTimelineEntry",
    "VisitsTimelineEntryDetails",
    "VisitsVisitOut",
    "VisitsVisitOutFundingType0",
    "VisitsVisitOutScreeningType0",
    "VisitsVisitPage",
)
