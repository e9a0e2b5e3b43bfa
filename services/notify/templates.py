"""Message templates per event and language, versioned, rendered in a sandbox.

Each template declares its variables; `load()` checks at start that every template parses
and uses only what it declares, so a missing variable fails at load, never at send time.
"""
from __future__ import annotations

from dataclasses import dataclass

from jinja2 import StrictUndefined, meta
from jinja2.sandbox import SandboxedEnvironment

_env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


@dataclass(frozen=True)
class Template:
    key: str
    version: int
    variables: frozenset[str]
    text: dict[str, str]  # language → Jinja2 source


TEMPLATES = (
    Template("elder_registered", 1, frozenset({"name"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，您已完成助浴登记。如需帮助请联系所在助浴点。",
        "en": "[Bathing service] Dear {{ name }}, your registration is complete."}),
    Template("booking_confirmed", 1, frozenset({"name", "slot"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，您已预约{{ slot }}的助浴服务，请按时到达。",
        "en": "[Bathing service] Dear {{ name }}, your bath is booked for {{ slot }}."}),
    Template("booking_reminder", 1, frozenset({"name", "slot"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，提醒您明天{{ slot }}有助浴预约，请带好市民卡，注意保暖。",
        "en": "[Bathing service] Dear {{ name }}, a reminder of your bath tomorrow at {{ slot }}. Bring your citizen card."}),
    Template("booking_cancelled", 1, frozenset({"name", "slot"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，您{{ slot }}的预约已取消。",
        "en": "[Bathing service] Dear {{ name }}, your booking for {{ slot }} is cancelled."}),
    Template("screening_refused", 1, frozenset({"name", "reasons"}), {
        "zh-CN": "【助浴服务】{{ name }}今日经检查暂不适宜助浴（{{ reasons }}），请注意身体，必要时就医。",
        "en": "[Bathing service] {{ name }} could not bathe today ({{ reasons }}). Please take care and see a doctor if needed."}),
    Template("incident", 1, frozenset({"name", "kind", "severity"}), {
        "zh-CN": "【助浴服务紧急通知】{{ name }}在助浴点发生意外（{{ kind }}，{{ severity }}），工作人员正在处理，请尽快联系助浴点。",
        "en": "[Bathing service URGENT] {{ name }} had an incident ({{ kind }}, {{ severity }}). Staff are with them; please call the point."}),
    Template("incident_staff", 1, frozenset({"name", "kind", "severity"}), {
        "zh-CN": "【意外事件】{{ name }}：{{ kind }}（{{ severity }}），请立即处理并记录结果。",
        "en": "[Incident] {{ name }}: {{ kind }} ({{ severity }}). Act now and record the outcome."}),
    Template("screening_danger_staff", 1, frozenset({"name"}), {
        "zh-CN": "【血压危险】{{ name }}筛查时血压达到危险值，已停止助浴，请立即处理并建议就医。",
        "en": "[Danger blood pressure] {{ name }}'s screening reading is at the danger level; bathing stopped. Act now and advise a doctor."}),
    Template("bath_overrun", 1, frozenset({"name"}), {
        "zh-CN": "【助浴超时】{{ name }}的助浴时间已超过上限，请查看。",
        "en": "[Bath overrun] {{ name }}'s bath has run over the limit; please check."}),
    Template("visit_not_checked_out", 1, frozenset({"name"}), {
        "zh-CN": "【未签退】{{ name }}的助浴服务在闭点后仍未签退，已由系统结束，请核实老人情况。",
        "en": "[Not checked out] {{ name }}'s visit was still open after closing and has been ended; please check on them."}),
    Template("survey_invitation", 1, frozenset({"name", "link"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，感谢使用助浴服务，请为本次服务评价：{{ link }}",
        "en": "[Bathing service] Dear {{ name }}, please rate our service: {{ link }}"}),
    # `hours`: the reply the complaint was promised at intake, as complaints configures it
    # (its received event carries it); empty when the record needs no answer.
    Template("complaint_received", 2, frozenset({"name", "hours"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，您的意见已受理{% if hours %}，我们将在{{ hours }}小时内答复{% endif %}。",
        "en": "[Bathing service] Dear {{ name }}, we have received your complaint"
              "{% if hours %} and will reply within {{ hours }} hours{% endif %}."}),
    Template("complaint_replied", 1, frozenset({"name"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，您的投诉已有答复，请留意来电回访。",
        "en": "[Bathing service] Dear {{ name }}, your complaint has been answered; we will call you back."}),
    Template("complaint_survey", 1, frozenset({"name", "link"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，您的投诉已办结，请为我们的处理评价：{{ link }}",
        "en": "[Bathing service] Dear {{ name }}, your complaint is closed; please rate how we handled it: {{ link }}"}),
    Template("complaint_reopened", 1, frozenset({"name"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，根据您的回访意见，您的投诉已重新处理，我们会尽快给您答复。",
        "en": "[Bathing service] Dear {{ name }}, following your feedback your complaint is being handled again; "
              "we will reply soon."}),
    Template("complaint_waiting", 1, frozenset({"name"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，处理您的投诉还需要您补充情况，请回电告知，收到后我们立即继续处理。",
        "en": "[Bathing service] Dear {{ name }}, we need a few more details to handle your complaint; please call "
              "us back and we will carry on at once."}),
    Template("complaint_merged", 1, frozenset({"name"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，您反映的问题与此前的投诉是同一件事，已合并处理，处理结果将一并答复您。",
        "en": "[Bathing service] Dear {{ name }}, your report concerns the same matter as an earlier complaint; "
              "they are handled together and you will hear the result."}),
    Template("callback_booked", 1, frozenset({"name", "time"}), {
        "zh-CN": "【助浴服务】{{ name }}您好，刚才未能联系上您，我们将于{{ time }}再次回访，请留意来电。",
        "en": "[Bathing service] Dear {{ name }}, we could not reach you; we will call again at {{ time }}."}),
    Template("complaint_review_returned", 1, frozenset(), {
        "zh-CN": "【投诉审核】网络媒体投诉的书面回复未通过品质管理中心审核，请修改后重新提交。",
        "en": "[Complaint review] The quality centre returned the written reply to an online-media complaint; "
              "please revise and submit it again."}),
    Template("complaint_assigned", 1, frozenset({"category"}), {
        "zh-CN": "【投诉待办】您有一件新的投诉（{{ category }}）需要处理。",
        "en": "[Complaint] A new complaint ({{ category }}) is yours to handle."}),
    Template("complaint_deadline", 1, frozenset({"deadline", "level"}), {
        "zh-CN": "【投诉时限】投诉的{{ deadline }}时限{{ level }}，请尽快处理。",
        "en": "[Complaint deadline] The {{ deadline }} deadline is {{ level }}."}),
    Template("follow_up_due", 1, frozenset({"due_on", "programme"}), {
        "zh-CN": "【随访提醒】{{ programme }}随访将于{{ due_on }}到期。",
        "en": "[Follow-up] A {{ programme }} follow-up is due on {{ due_on }}."}),
    Template("assessment_due", 1, frozenset({"name", "due_on"}), {
        "zh-CN": "【评估提醒】{{ name }}的能力评估有效期至{{ due_on }}，请在此之前重新评估（一年一评）。",
        "en": "[Assessment] {{ name }}'s capability assessment is valid until {{ due_on }}; re-assess before then."}),
    Template("certificate_expiry", 1, frozenset({"name", "change"}), {
        "zh-CN": "【资质提醒】{{ name }}的健康证明{{ change }}，请及时更新。",
        "en": "[Qualification] {{ name }}'s health certificate: {{ change }}."}),
    Template("subsidy_approved", 1, frozenset({"name", "subsidy", "valid_until"}), {
        "zh-CN": "【居家养老服务】{{ name }}您好，您按{{ subsidy }}申请的政府购买服务补贴已审批通过，"
                 "有效期至{{ valid_until }}，期间助浴服务由政府支付。",
        "en": "[Home-care service] Dear {{ name }}, your application for the government-paid service is approved "
              "until {{ valid_until }}; your baths are paid by the government until then."}),
    Template("subsidy_refused", 1, frozenset({"name", "subsidy"}), {
        "zh-CN": "【居家养老服务】{{ name }}您好，您按{{ subsidy }}申请的政府购买服务补贴未获通过，"
                 "详情请咨询所在社区居家养老服务站。",
        "en": "[Home-care service] Dear {{ name }}, your application for the government-paid service was not "
              "approved; your community station can tell you why."}),
)


class TemplateError(ValueError):
    pass


def load(templates: tuple[Template, ...] = TEMPLATES) -> dict[str, Template]:
    loaded = {}
    for template in templates:
        for language, source in template.text.items():
            used = meta.find_undeclared_variables(_env.parse(source))
            if used - template.variables:
                raise TemplateError(f"{template.key}/{language} uses undeclared {sorted(used - template.variables)}")
        if template.key in loaded:
            raise TemplateError(f"{template.key} defined twice")
        loaded[template.key] = template
    return loaded


def render(loaded: dict[str, Template], key: str, language: str, variables: dict) -> str:
    template = loaded[key]
    missing = template.variables - set(variables)
    if missing:
        raise TemplateError(f"{key} needs {sorted(missing)}")
    source = template.text.get(language) or template.text["zh-CN"]
    return _env.from_string(source).render(**{k: variables[k] for k in template.variables})
