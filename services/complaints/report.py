"""The monthly complaint report (月度客户投诉统计分析) as people read it: headings and labels in
Chinese (or English), the point by its name, local dates and percentages. The machine
layout (section, item, value keys) stays the API's default for scripts."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from services.complaints import domain

LANGUAGES = ("zh-CN", "en")
PERCENT = "percent"

# key: (中文, English)
WORDS = {
    "heading.section": ("项目", "Section"), "heading.item": ("分项", "Item"), "heading.value": ("数值", "Value"),
    "report": ("报表", "Report"), "report.month": ("月份", "Month"), "report.scope": ("范围", "Scope"),
    "report.city": ("全市", "City-wide"),
    "report.as_of": ("统计时间", "As of"),
    "total": ("合计", "Total"), "total.complaints": ("受理记录", "Records received"),
    "by_channel": ("按渠道", "By channel"), "by_category": ("按类别", "By category"), "by_type": ("按类型", "By type"),
    "in_time": ("及时处理", "Handled in time"), "in_time.with_deadlines": ("有时限的记录", "Records with deadlines"),
    "in_time.complaints": ("按时处理", "Handled in time"), "in_time.rate": ("及时率", "In-time rate"),
    "satisfaction": ("满意度", "Satisfaction"), "satisfaction.responses": ("评价数", "Responses"),
    "satisfaction.satisfied": ("满意数", "Satisfied"), "satisfaction.rate": ("满意率", "Satisfaction rate"),
    "hotline": ("热线", "Hotline"), "hotline.calls": ("来电", "Calls"), "hotline.answered": ("接听", "Answered"),
    "hotline.answer_rate": ("接通率", "Answer rate"),
    "targets": ("目标", "Targets"), "targets_met": ("是否达标", "Target met"),
    "target.satisfaction": ("满意率", "Satisfaction rate"), "target.in_time": ("及时率", "In-time rate"),
    "target.answer_rate": ("接通率", "Answer rate"),
    "met.True": ("达标", "met"), "met.False": ("未达标", "not met"), "met.None": ("无数据", "no data"),
    "channel.phone": ("电话 / 热线", "Phone / hotline"), "channel.in_person": ("来访", "In person"),
    "channel.letter": ("信函", "Letter"), "channel.web": ("网站", "Web"),
    "channel.online_media": ("微信 / 微博等网络媒体", "Online media"), "channel.fax": ("传真", "Fax"),
    "category.service_attitude": ("服务态度", "Service attitude"), "category.safety": ("安全", "Safety"),
    "category.hygiene_facility": ("卫生 / 设施", "Hygiene / facility"),
    "category.staff_misconduct": ("员工违规", "Staff misconduct"), "category.waiting_time": ("等候时间", "Waiting time"),
    "category.fees": ("收费", "Fees"), "category.administrative": ("行政事务", "Administrative"),
    "category.other": ("其他", "Other"),
    "type.complaint": ("投诉", "Complaint"), "type.suggestion": ("建议", "Suggestion"),
    "type.consultation": ("咨询", "Consultation"), "type.praise": ("表扬", "Praise"),
}
assert all(f"channel.{c}" in WORDS for c in domain.CHANNELS) and all(f"type.{t}" in WORDS for t in domain.TYPES)
assert all(f"category.{c}" in WORDS for c in domain.CATEGORIES)


def word(key: str, lang: str) -> str:
    entry = WORDS.get(key)
    return (entry[1] if lang == "en" else entry[0]) if entry else key


def month_words(month: str, lang: str) -> str:
    year, number = month.split("-")
    return f"{year}-{number}" if lang == "en" else f"{int(year)}年{int(number)}月"


def local_time(when: str | datetime, tz: ZoneInfo, lang: str) -> str:
    moment = (datetime.fromisoformat(when) if isinstance(when, str) else when).astimezone(tz)
    if lang == "en":
        return moment.strftime("%Y-%m-%d %H:%M")
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"


def percent_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def readable_rows(report: dict, point_name: str | None, tz: ZoneInfo,
                  lang: str) -> list[tuple[str, str, object, str | None]]:
    """(section, item, value, kind) rows in `lang`; kind PERCENT marks a rate (0–1, or None)."""
    w = lambda key: word(key, lang)  # noqa: E731
    scope = w("report.city") if report["service_point_id"] is None else (point_name or report["service_point_id"])
    rows: list[tuple[str, str, object, str | None]] = [
        (w("report"), w("report.month"), month_words(report["month"], lang), None),
        (w("report"), w("report.scope"), scope, None),
        (w("report"), w("report.as_of"), local_time(report["as_of"], tz, lang), None),
        (w("total"), w("total.complaints"), report["complaints"], None)]
    for section, prefix in (("by_channel", "channel"), ("by_category", "category"), ("by_type", "type")):
        rows += [(w(section), w(f"{prefix}.{key}"), value, None) for key, value in report[section].items()]
    rows += [(w("in_time"), w("in_time.with_deadlines"), report["with_deadlines"], None),
             (w("in_time"), w("in_time.complaints"), report["in_time"], None),
             (w("in_time"), w("in_time.rate"), report["in_time_rate"], PERCENT)]
    for section in ("satisfaction", "hotline"):
        rows += [(w(section), w(f"{section}.{key}"), value, PERCENT if key.endswith("rate") else None)
                 for key, value in report[section].items()]
    rows += [(w("targets"), w(f"target.{key}"), value, PERCENT) for key, value in report["targets"].items()]
    rows += [(w("targets_met"), w(f"target.{key}"), w(f"met.{value}"), None)
             for key, value in report["targets_met"].items()]
    return rows


def headings(lang: str) -> list[str]:
    return [word("heading.section", lang), word("heading.item", lang), word("heading.value", lang)]
