#!/usr/bin/env python3
"""Writes the small .xlsx fixtures of the batch's workbook reader (issue 12).

Two producers besides our own reader's expectations: openpyxl (python3-openpyxl,
shared strings, numbers, dates, booleans, a second sheet, the 1904 system) and
hand-written XML (inline strings, rich-text runs, a sparse sheet, a zip bomb).
Run from this folder: python3 make_fixtures.py
"""
import datetime
import zipfile

import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "客户"
ws.append(["客户编号", "简介", "注册资本", "成立日期", "已上市", "比例"])
ws.append([1, "论坛靠广告盈利", 5000000, datetime.date(2019, 3, 1), False, 0.25])
ws.append([2, "本公司官网只展示产品", 1000000.5, datetime.datetime(2020, 1, 2, 13, 30), True, 1])
ws.append([3, None, None, None, None, None])
ws.append([4, "我们只在淘宝开店，没有自己的网站", 300, datetime.date(1900, 3, 1), None, -2.5])
second = wb.create_sheet("第二页")
second.append(["description"])
second.append(["一个摄影论坛网站，会员可以发帖讨论"])
wb.save("openpyxl.xlsx")

mac = openpyxl.Workbook()
mac.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
mac.active.append(["简介", "日期"])
mac.active.append(["论坛靠广告盈利", datetime.date(2024, 12, 6)])
mac.save("date1904.xlsx")

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""


def hand_made(name, sheet_xml, shared=None):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        if shared:
            z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)


# Inline strings, a rich-text shared string, a sparse row and a skipped row.
hand_made(
    "handmade.xlsx",
    """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="s"><v>0</v></c></row>
<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>1</v></c></row>
<row r="4"><c r="A4"><v>3</v></c><c r="C4" t="inlineStr"><is><r><t>富文本</t></r><r><t>批注</t></r></is></c></row>
<row r="5"/>
</sheetData><rowBreaks count="1"><brk id="3" max="16383" man="1"/></rowBreaks></worksheet>""",
    """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">
<si><t>简介</t></si><si><r><t>论坛</t></r><r><rPr><b/></rPr><t>靠广告盈利</t></r></si></sst>""",
)

# A zip bomb: 200 MB of spaces in the sheet, a few hundred KB packed.
with zipfile.ZipFile("bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("xl/workbook.xml", WORKBOOK)
    z.writestr("xl/_rels/workbook.xml.rels", RELS)
    z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + " " * (200 << 20) + "</sheetData></worksheet>")

# A merged header: 联系方式 over C1:E1 (its value only in C1, the merges listed
# after the rows), E1 with a value of its own, and a merge in the data rows.
hand_made(
    "merged.xlsx",
    """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>客户编号</t></is></c><c r="B1" t="inlineStr"><is><t>简介</t></is></c><c r="C1" t="inlineStr"><is><t>联系方式</t></is></c><c r="F1" t="inlineStr"><is><t>备注</t></is></c><c r="G1" t="inlineStr"><is><t>地区</t></is></c></row>
<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>论坛靠广告盈利</t></is></c><c r="C2" t="inlineStr"><is><t>张三</t></is></c><c r="D2" t="inlineStr"><is><t>13800138000</t></is></c><c r="E2" t="inlineStr"><is><t>a@example.com</t></is></c><c r="G2" t="inlineStr"><is><t>北京</t></is></c></row>
<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>我们在淘宝开了店，没有自己的网站</t></is></c><c r="G3" t="inlineStr"><is><t>上海</t></is></c></row>
<row r="4"><c r="A4"><v>3</v></c><c r="B4" t="inlineStr"><is><t>本公司官网只展示产品</t></is></c></row>
</sheetData><mergeCells count="3"><mergeCell ref="C1:E1"/><mergeCell ref="G1:H1"/><mergeCell ref="G3:G4"/></mergeCells></worksheet>""",
)
