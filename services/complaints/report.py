"""The monthly complaint report (月度客户投诉统计分析) as people read it: headings and labels in
Chinese (or English), the point by its name, the period it covers, local dates and
percentages; as CSV rows, or as a workbook with charts a civil-affairs officer can forward
as it is. The machine layout (section, item, value keys) stays the API's default for
scripts."""
from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

from services.complaints import domain

LANGUAGES = ("zh-CN", "en")
PERCENT = "percent"

# key: (中文, English)
WORDS = {
    "heading.section": ("项目", "Section"), "heading.item": ("分项", "Item"), "heading.value": ("数值", "Value"),
    "report": ("报表", "Report"), "report.month": ("月份", "Month"), "report.scope": ("范围", "Scope"),
    "report.city": ("全市", "City-wide"),
    "report.as_of": ("统计时间", "As of"), "report.period": ("统计周期", "Period"),
    "total": ("合计", "Total"), "total.complaints": ("受理记录", "Records received"),
    "total.merged": ("合并的重复记录（不计入）", "Duplicates merged (not counted)"),
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
    "channel.sms": ("短信", "SMS"),
    # the workbook
    "book.title": ("助浴服务投诉统计分析月报", "Monthly complaint statistics of the bathing service"),
    "sheet.summary": ("汇总", "Summary"), "sheet.breakdown": ("分类统计", "Breakdown"),
    "sheet.points": ("各助浴点", "Points"), "sheet.recurring": ("反复出现的问题", "Recurring problems"),
    "col.indicator": ("指标", "Indicator"), "col.value": ("数值", "Value"), "col.target": ("目标", "Target"),
    "col.met": ("是否达标", "Target met"), "col.count": ("件数", "Count"), "col.point": ("助浴点", "Point"),
    "col.total": ("合计", "Total"), "col.name": ("名称", "Name"),
    "recurring.category": ("同类问题", "The same category"), "recurring.service_point": ("同一助浴点", "The same point"),
    "recurring.staff": ("同一工作人员", "The same staff member"),
    "recurring.none": ("本期及前两期未发现反复出现的问题。", "No recurring problem in this period and the two before."),
    "recurring.rule": ("近{months}期内被投诉至少{count}次、且在至少{periods}期中出现",
                       "Complained of at least {count} times over the last {months} periods, in at least {periods} "
                       "of them"),
    "chart.channel": ("按渠道统计", "By channel"), "chart.category": ("按类别统计", "By category"),
    "chart.type": ("按类型统计", "By type"), "chart.points": ("各助浴点受理记录", "Records per point"),
    "unknown": ("（未命名）", "(no name)"),
}
assert all(f"channel.{c}" in WORDS for c in domain.CHANNELS) and all(f"type.{t}" in WORDS for t in domain.TYPES)
assert all(f"category.{c}" in WORDS for c in domain.CATEGORIES)


def word(key: str, lang: str) -> str:
    entry = WORDS.get(key)
    return (entry[1] if lang == "en" else entry[0]) if entry else key


def month_words(month: str, lang: str) -> str:
    year, number = month.split("-")
    return f"{year}-{number}" if lang == "en" else f"{int(year)}年{int(number)}月"


def day_words(day: str | date, lang: str) -> str:
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return day.isoformat() if lang == "en" else f"{day.year}年{day.month}月{day.day}日"


def period_words(report: dict, lang: str) -> str:
    first, last = day_words(report["period_from"], lang), day_words(report["period_to"], lang)
    return f"{first} – {last}" if lang == "en" else f"{first}至{last}"


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
        (w("report"), w("report.period"), period_words(report, lang), None),
        (w("report"), w("report.scope"), scope, None),
        (w("report"), w("report.as_of"), local_time(report["as_of"], tz, lang), None),
        (w("total"), w("total.complaints"), report["complaints"], None),
        (w("total"), w("total.merged"), report["merged"], None)]
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


def workbook(report: dict, point_name: str | None, tz: ZoneInfo, lang: str) -> bytes:
    """The report as a workbook: a summary headed with the period and the scope, the
    breakdowns with their charts, each point's figures (the city's report) and the
    recurring problems; in `lang` throughout."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, PieChart, Reference
    from openpyxl.styles import Font, PatternFill

    w = lambda key: word(key, lang)  # noqa: E731
    bold, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    scope = w("report.city") if report["service_point_id"] is None else (point_name or report["service_point_id"])
    book = Workbook()

    def heading(sheet, title: str) -> None:
        sheet["A1"] = f"{w('book.title')}（{month_words(report['month'], lang)}）" if lang != "en" else \
            f"{w('book.title')} ({month_words(report['month'], lang)})"
        sheet["A1"].font = Font(bold=True, size=14)
        sheet["A2"] = f"{w('report.period')}：{period_words(report, lang)}" if lang != "en" else \
            f"{w('report.period')}: {period_words(report, lang)}"
        sheet["A3"] = f"{w('report.scope')}：{scope}" if lang != "en" else f"{w('report.scope')}: {scope}"
        sheet["A4"] = (f"{w('report.as_of')}：" if lang != "en" else f"{w('report.as_of')}: ") + \
            local_time(report["as_of"], tz, lang)
        sheet["A6"] = title
        sheet["A6"].font = bold

    def table(sheet, row: int, header: list[str], rows: list[list], percent_columns: tuple[int, ...] = ()) -> int:
        for column, text in enumerate(header, 1):
            cell = sheet.cell(row, column, text)
            cell.font, cell.fill = bold, header_fill
        for offset, values in enumerate(rows, 1):
            for column, value in enumerate(values, 1):
                cell = sheet.cell(row + offset, column, value)
                if column in percent_columns and isinstance(value, (int, float)):
                    cell.number_format = "0.0%"
        return row + len(rows)

    def widths(sheet, *sizes: int) -> None:
        for index, size in enumerate(sizes):
            sheet.column_dimensions[chr(ord("A") + index)].width = size

    # Summary: the indicators against their targets.
    summary = book.active
    summary.title = w("sheet.summary")
    heading(summary, w("sheet.summary"))
    met = report["targets_met"]
    targets = report["targets"]
    rows = [
        [w("total.complaints"), report["complaints"], None, None],
        [w("total.merged"), report["merged"], None, None],
        [w("in_time.with_deadlines"), report["with_deadlines"], None, None],
        [w("in_time.complaints"), report["in_time"], None, None],
        [w("in_time.rate"), report["in_time_rate"], targets["in_time"], w(f"met.{met['in_time']}")],
        [w("satisfaction.responses"), report["satisfaction"]["responses"], None, None],
        [w("satisfaction.rate"), report["satisfaction"]["rate"], targets["satisfaction"],
         w(f"met.{met['satisfaction']}")],
        [w("hotline.calls"), report["hotline"]["calls"], None, None],
        [w("hotline.answered"), report["hotline"]["answered"], None, None],
        [w("hotline.answer_rate"), report["hotline"]["answer_rate"], targets["answer_rate"],
         w(f"met.{met['answer_rate']}")],
    ]
    table(summary, 7, [w("col.indicator"), w("col.value"), w("col.target"), w("col.met")], rows)
    for index, values in enumerate(rows):
        if values[2] is not None:  # a rate with its target: both as percentages
            for column in (2, 3):
                summary.cell(8 + index, column).number_format = "0.0%"
    widths(summary, 34, 14, 12, 12)

    # Breakdowns, each with its chart.
    breakdown = book.create_sheet(w("sheet.breakdown"))
    heading(breakdown, w("sheet.breakdown"))
    row = 7
    for section, prefix, chart_key, kind in (("by_channel", "channel", "chart.channel", BarChart),
                                             ("by_category", "category", "chart.category", BarChart),
                                             ("by_type", "type", "chart.type", PieChart)):
        items = [[w(f"{prefix}.{key}"), count] for key, count in report[section].items()]
        end = table(breakdown, row, [w(section), w("col.count")], items)
        chart = kind()
        chart.title = w(chart_key)
        data = Reference(breakdown, min_col=2, min_row=row, max_row=end)
        labels = Reference(breakdown, min_col=1, min_row=row + 1, max_row=end)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(labels)
        chart.height, chart.width = 7, 14
        if kind is BarChart:
            chart.legend = None
        breakdown.add_chart(chart, f"D{row}")
        row = max(end + 2, row + 16)
    widths(breakdown, 26, 10)

    # Each point's figures (the city's report).
    if report.get("points") is not None:
        sheet = book.create_sheet(w("sheet.points"))
        heading(sheet, w("sheet.points"))
        items = [[p.get("name") or w("unknown"), p["complaints"], p["with_deadlines"], p["in_time"],
                  p["in_time_rate"], p["responses"], p["satisfaction_rate"]]
                 for p in sorted(report["points"], key=lambda p: (-p["complaints"], p.get("name") or ""))]
        end = table(sheet, 7, [w("col.point"), w("total.complaints"), w("in_time.with_deadlines"),
                               w("in_time.complaints"), w("in_time.rate"), w("satisfaction.responses"),
                               w("satisfaction.rate")], items, percent_columns=(5, 7))
        if items:
            chart = BarChart()
            chart.title = w("chart.points")
            chart.add_data(Reference(sheet, min_col=2, min_row=7, max_row=end), titles_from_data=True)
            chart.set_categories(Reference(sheet, min_col=1, min_row=8, max_row=end))
            chart.legend = None
            chart.height, chart.width = 8, 18
            sheet.add_chart(chart, f"A{end + 3}")
        widths(sheet, 28, 12, 14, 12, 10, 12, 10)

    # The recurring problems of the last periods.
    recurring = report["recurring"]
    sheet = book.create_sheet(w("sheet.recurring"))
    heading(sheet, w("sheet.recurring"))
    months = recurring["months"]
    row = 7
    found_any = False
    for dimension in ("category", "service_point", "staff"):
        found = recurring[dimension]
        if not found:
            continue
        found_any = True
        items = []
        for item in found:
            name = (w(f"category.{item['key']}") if dimension == "category"
                    else item.get("name") or w("unknown"))
            items.append([name, *item["counts"], item["total"]])
        sheet.cell(row, 1, w(f"recurring.{dimension}")).font = bold
        row = table(sheet, row + 1, [w("col.name"), *[month_words(m, lang) for m in months], w("col.total")],
                    items) + 2
    if not found_any:
        sheet.cell(row, 1, w("recurring.none"))
        row += 2
    sheet.cell(row, 1, w("recurring.rule").format(months=len(months), count=recurring.get("min_complaints", ""),
                                                   periods=recurring.get("min_periods", "")))
    widths(sheet, 28, 12, 12, 12, 10)

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
