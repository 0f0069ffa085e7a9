"""The follow-up's texts (progress reports, status, overdue, the dashboard): its messages
and column headers (merged into :data:`plangraph.catalogue.messages.MESSAGES`) and its
``--help`` (merged into :data:`plangraph.catalogue.help.HELP`), ``key: (vietnamese, english)``.

The report workbook itself is always Vietnamese (its headers and statuses are what the
import reads back); these are the texts around it. A subcommand's help is keyed by its
full name: "report template", "report template.agency".
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- where a problem is in a report file ----------------------------------------------
    "progress.at": ("{file}: trang {sheet!r}, dòng {row}", "{file}: sheet {sheet!r}, row {row}"),
    "progress.at_column": (", cột {column}", ", column {column}"),
    "progress.where": ("{file} (trang {sheet!r}, dòng {row})", "{file} (sheet {sheet!r}, row {row})"),
    "progress.refused": ("{problems}; không nhập gì", "{problems}; nothing was imported"),
    "noun.problem": ("lỗi", "problem"),
    "progress.error": ("lỗi: {problem}", "error: {problem}"),
    # -- the checks of each row ------------------------------------------------------------
    "progress.not_a_date": ("{text!r} không phải ngày (ngày/tháng/năm)", "{text!r} is not a date (dd/mm/yyyy)"),
    "progress.no_status": ("chưa có tình trạng; chọn một trong danh sách: {choices}",
                           "no status; choose one of the list: {choices}"),
    "progress.bad_status": ("{text!r} không có trong danh sách: {choices}", "{text!r} is not in the list: {choices}"),
    "progress.no_key": ("thiếu mã nhiệm vụ (TỆP:DÒNG, như trong mẫu)",
                        "no task key (FILE:LINE, as the template gives it)"),
    "progress.unknown_task": ("không có nhiệm vụ {key!r} trong đồ thị kế hoạch: giữ nguyên mã nhiệm vụ của mẫu",
                              "no task {key!r} in the plans' graph: keep the template's task keys as they are"),
    "progress.second_row": ("dòng thứ hai cho nhiệm vụ {key} (dòng đầu là dòng {first}): mỗi nhiệm vụ một dòng",
                            "a second row for task {key} (the first is row {first}): one row per task"),
    "progress.no_reporter": ("thiếu cơ quan báo cáo", "no reporting agency"),
    "progress.no_report_date": ("thiếu ngày báo cáo", "no report date"),
    "progress.no_completion": ("thiếu ngày hoàn thành: bắt buộc khi nhiệm vụ đã hoàn thành",
                               "no completion date: required when the task is done"),
    "progress.completion_not_done": ("có ngày hoàn thành nhưng tình trạng là {status!r}: chỉ ghi khi đã hoàn thành",
                                     "a completion date, but the status is {status!r}: give one only when the task "
                                     "is done"),
    "progress.replaced_by": ("được thay thế bằng văn bản nào? ghi số văn bản",
                             "replaced by which document? give its number"),
    "progress.report_before_plan": ("ngày báo cáo {day}, trước khi kế hoạch {plan} được ban hành ({issued})",
                                    "dated {day}, before its plan {plan} was issued ({issued})"),
    "progress.done_before_plan": ("hoàn thành ngày {day}, trước khi kế hoạch {plan} được ban hành ({issued})",
                                  "completed on {day}, before its plan {plan} was issued ({issued})"),
    "progress.not_its_task": ("nhiệm vụ {key} không phải của {agency}: ngày {day} do {led} chủ trì",
                              "task {key} is not a task of {agency}: on {day} it is led by {led}"),
    "progress.no_agency": ("không cơ quan nào", "no agency"),
    "progress.done_after_report": ("hoàn thành ngày {day}, sau ngày báo cáo ({reported})",
                                   "completed on {day}, after the report's date ({reported})"),
    "progress.different_report": ("một báo cáo khác về nhiệm vụ {key} ngày {day} đã có trong {where}; muốn sửa thì "
                                  "gửi báo cáo mới với ngày sau",
                                  "a different report on task {key} dated {day} is already recorded in {where}; a "
                                  "correction is a new report with a later date"),
    # -- the file as a whole ---------------------------------------------------------------
    "progress.moved_column": ("cần cột {expected!r}, thấy {found}: các cột đã bị di chuyển hoặc đổi tên; giữ nguyên "
                              "tiêu đề của mẫu",
                              "expected the column {expected!r}, found {found}: the columns were moved or renamed; "
                              "keep the template's header as it is"),
    "progress.nothing": ("ô trống", "nothing"),
    "progress.file_kind": ("tệp báo cáo là .xlsx (từ plangraph report template) hoặc .csv",
                           "a report file is .xlsx (from plangraph report template) or .csv"),
    "progress.not_xlsx": ("không phải sổ tính Excel (.xlsx) đọc được: {error}",
                          "not an Excel workbook (.xlsx) that can be read: {error}"),
    "progress.not_utf8": ("không phải văn bản UTF-8 (byte 0x{byte:02x}); lưu CSV dạng UTF-8",
                          "not UTF-8 text (byte 0x{byte:02x}); save the CSV as UTF-8"),
    "progress.as_of": ("--as-of nhận ngày dạng YYYY-MM-DD, không phải {value!r}",
                       "--as-of takes a date YYYY-MM-DD, not {value!r}"),
    # -- what the commands did (stderr) ----------------------------------------------------
    "progress.template_wrote": ("đã ghi {path}: {count} nhiệm vụ chưa xong của {agency} tính đến {day}",
                                "wrote {path}: {count} open tasks of {agency} as of {day}"),
    "progress.imported": ("đã nhập {added} báo cáo từ {file} (lưu thành {stored}){repeated}; {graph} có {reports} báo cáo",
                          "imported {added} reports from {file} (kept as {stored}){repeated}; {graph} has {reports} "
                          "reports"),
    "progress.repeated": ("; {count} báo cáo đã có từ trước", "; {count} already recorded"),
    "progress.nothing_new": ("{file} không có gì mới{where}: {count} báo cáo của tệp đã có từ trước; không đổi gì",
                             "nothing new in {file}{where}: its {count} reports are already recorded; nothing changed"),
    "progress.kept_as": (" (lưu thành {stored})", " (kept as {stored})"),
    "progress.differs": ("{graph}: khác với {count} tệp báo cáo", "{graph}: differs from {count} report files"),
    "progress.up_to_date": ("{graph}: khớp với {count} tệp báo cáo", "{graph}: up to date with {count} report files"),
    "progress.built": ("đã ghi {graph}: {reports} báo cáo từ {files} tệp", "wrote {graph}: {reports} reports from {files} files"),
    "progress.unchanged": ("không đổi: {graph}: {reports} báo cáo từ {files} tệp",
                           "unchanged: {graph}: {reports} reports from {files} files"),
    "progress.summary": ("{total} nhiệm vụ: {counts}", "{total} tasks: {counts}"),
    "progress.ended": ("ghi chú: {bodies} đã chấm dứt mà không có một cơ quan kế thừa duy nhất; các nhiệm vụ của cơ quan đó vẫn được tính cho cơ quan đó (plangraph query unassigned-after-reorganisation)",
                       "note: {bodies} ended with no single successor; their tasks are still counted under them (plangraph query unassigned-after-reorganisation)"),
    "progress.ended_body": ("{name} (ngày {day}, {count} nhiệm vụ)", "{name} (on {day}, {count} tasks)"),
    "progress.dashboard_wrote": ("đã ghi {path}: {agencies} cơ quan, {overdue} nhiệm vụ quá hạn tính đến {day}",
                                 "wrote {path}: {agencies} agencies, {overdue} overdue tasks as of {day}"),
    # -- the dashboard (its texts in the page; {day} and {name} filled in there) -------------
    "dash.title": ("Theo dõi thực hiện nhiệm vụ đến ngày {day}", "Follow-up of the tasks as of {day}"),
    "dash.heading": ("Theo dõi thực hiện nhiệm vụ — tình hình đến ngày {day}",
                     "Follow-up of the tasks — where they stand on {day}"),
    "dash.by_agency": ("Theo cơ quan chủ trì", "By lead agency"),
    "dash.click_agency": ("(nhấn vào một cơ quan để xem nhiệm vụ)", "(click an agency to see its tasks)"),
    "dash.deadline": ("Hạn", "Deadline"),
    "dash.lead": ("Cơ quan chủ trì", "Lead agency"),
    "dash.task": ("Nhiệm vụ", "Task"),
    "dash.status": ("Tình trạng", "Status"),
    "dash.last_report": ("Báo cáo gần nhất", "Last report"),
    "dash.history": ("Lịch sử báo cáo", "Report history"),
    "dash.click_task": ("Nhấn vào một nhiệm vụ để xem các báo cáo về nhiệm vụ đó.",
                        "Click a task to see the reports on it."),
    "dash.tasks_of": ("Nhiệm vụ của {name}", "Tasks of {name}"),
    "dash.overdue_tasks": ("Nhiệm vụ quá hạn", "Overdue tasks"),
    "dash.tasks": ("nhiệm vụ", "tasks"),
    "dash.not_reported": ("chưa báo cáo", "not reported"),
    "dash.due": ("hạn", "due"),
    "dash.none": ("không có", "none"),
    "dash.led_by": ("chủ trì", "lead"),
    "dash.ended_name": ("{name} (đã chấm dứt ngày {day}, không có cơ quan kế thừa duy nhất)",
                        "{name} (ended on {day}, no single successor)"),
    "dash.no_reports": ("Chưa có báo cáo nào về nhiệm vụ này.", "No report on this task yet."),
    "dash.col.reported": ("Ngày báo cáo", "Reported"),
    "dash.col.status": ("Tình trạng", "Status"),
    "dash.col.completed": ("Ngày hoàn thành", "Completed"),
    "dash.col.note": ("Ghi chú", "Note"),
    "dash.col.evidence": ("Văn bản", "Evidence"),
    "dash.col.reporter": ("Cơ quan báo cáo", "Reported by"),
    "dash.col.superseded": ("Bị thay thế ngày", "Superseded on"),
    "dash.col.file": ("Tệp", "File"),
    # -- column headers and values ---------------------------------------------------------
    "col.doneOnTime": ("Đúng hạn", "On time"),
    "col.doneLate": ("Quá hạn, đã xong", "Done late"),
    "col.inProgress": ("Đang làm", "In progress"),
    "col.overdue": ("Quá hạn", "Overdue"),
    "col.noReport": ("Chưa báo cáo", "No report"),
    "col.noDeadline": ("Không có hạn", "No deadline"),
    "col.cancelled": ("Dừng, thay thế", "Cancelled"),
    "col.agency": ("IRI cơ quan", "Agency IRI"),
    "col.category": ("Tình hình", "Category"),
    "col.lastStatus": ("Báo cáo gần nhất", "Last status"),
    "col.lastReported": ("Ngày báo cáo gần nhất", "Last reported"),
    "col.lastNote": ("Ghi chú", "Note"),
    "col.lastEvidence": ("Văn bản chứng minh", "Evidence"),
    "col.reported": ("Ngày báo cáo", "Reported"),
    "col.status": ("Tình trạng", "Status"),
    "col.completed": ("Ngày hoàn thành", "Completed"),
    "col.note": ("Ghi chú", "Note"),
    "col.evidence": ("Văn bản chứng minh", "Evidence"),
    "col.reporter": ("Cơ quan báo cáo", "Reported by"),
    "col.supersededOn": ("Bị thay thế ngày", "Superseded on"),
    "col.sheet": ("Trang", "Sheet"),
    "col.row": ("Dòng", "Row"),
    "col.report": ("IRI báo cáo", "Report IRI"),
    "value.progress.Đã hoàn thành": ("Đã hoàn thành", "done"),
    "value.progress.Đang thực hiện": ("Đang thực hiện", "in progress"),
    "value.progress.Chưa thực hiện": ("Chưa thực hiện", "not started"),
    "value.progress.Dừng thực hiện": ("Dừng thực hiện", "cancelled"),
    "value.progress.Được thay thế": ("Được thay thế", "replaced by another document"),
    # the categories of status.rq, in the order of the dashboard's bars
    **{f"value.category.{key}": entry for key, entry in {
        "doneOnTime": ("hoàn thành đúng hạn", "done on time"), "doneLate": ("hoàn thành quá hạn", "done late"),
        "inProgress": ("đang thực hiện trong hạn", "in progress"), "overdue": ("quá hạn", "overdue"),
        "noReport": ("chưa báo cáo (còn hạn)", "no report"), "noDeadline": ("không có thời hạn", "no deadline"),
        "cancelled": ("dừng hoặc được thay thế", "cancelled or replaced")}.items()},
}

_AS_OF = ("Ngày cần xem (mặc định: hôm nay).", "The day asked about (default: today).")

HELP: dict[str, tuple[str, str]] = {
    "report.short": ("Báo cáo tiến độ: sổ tính của một cơ quan (template), nhập lại (import).",
                     "Progress reports: an agency's workbook (template), import it back."),
    "report": ("Báo cáo tiến độ: mỗi cơ quan một sổ tính, điền rồi nhập lại.\n\n\b\nplangraph report template "
               "--agency \"Sở Y tế\" --as-of 2022-12-31 -o so-y-te.xlsx\nplangraph report import so-y-te.xlsx\n"
               "plangraph status --as-of 2022-12-31",
               "Progress reports: a spreadsheet per agency, filled in and imported back.\n\n\b\nplangraph report "
               "template --agency \"Sở Y tế\" --as-of 2022-12-31 -o so-y-te.xlsx\nplangraph report import "
               "so-y-te.xlsx\nplangraph status --as-of 2022-12-31"),
    "report template.short": ("Ghi sổ tính cơ quan cần điền: mỗi nhiệm vụ chưa xong một dòng.",
                              "Write the workbook an agency fills in: one row per open task."),
    "report template": ("Ghi sổ tính cơ quan cần điền: mỗi nhiệm vụ cơ quan chủ trì chưa xong một dòng. Các cột "
                        "cho biết nhiệm vụ nào (mã, kế hoạch, nội dung, thời hạn) và để trống tình trạng (chọn trong "
                        "danh sách), ngày hoàn thành, ghi chú, văn bản chứng minh; dòng tiêu đề được cố định.",
                        "Write the workbook an agency fills in: one row per task it leads that is still open. Its "
                        "columns say which task (key, plan, text, deadline) and leave the status (a drop-down list), "
                        "completion date, note and evidence to fill in; the header is frozen."),
    "report template.agency": ('Cơ quan: "Sở Y tế", "Sở Y tế tỉnh Thanh Hóa" hoặc mã ngắn.',
                               'The agency: "Sở Y tế", "Sở Y tế tỉnh Thanh Hóa" or its short id.'),
    "report template.as_of": ("Ngày báo cáo: các nhiệm vụ chưa xong vào ngày đó (mặc định: hôm nay).",
                              "The report's day: its open tasks that day (default: today)."),
    "report template.output": ("Sổ tính để ghi (mặc định: bao-cao-<cơ quan>-<ngày>.xlsx ở đây).",
                               "The workbook to write (default: bao-cao-<agency>-<day>.xlsx here)."),
    "report import.short": ("Nhập một sổ tính (hoặc CSV) đã điền: tất cả hoặc không gì.",
                            "Import a filled-in workbook (or CSV): all or nothing."),
    "report import": ("Nhập sổ tính (hoặc CSV) đã điền vào thư mục làm việc: tất cả hoặc không gì. Mỗi lỗi được "
                      "nêu với trang, dòng, cột, và khi có lỗi thì không nhập gì (mã 2). Tệp được lưu nguyên trong "
                      "thư mục progress và đồ thị tiến độ được ghi lại. Nhập lại một tệp đã nhập không đổi gì.",
                      "Import a filled-in report workbook (or CSV) into the workspace: all or nothing. Every "
                      "problem is named with its sheet, row and column, and then nothing is imported (exit 2). The "
                      "file is kept in the progress folder as received and the progress graph is written again. "
                      "Importing a file whose reports are recorded already changes nothing."),
    "report build.short": ("Dựng lại đồ thị tiến độ từ các tệp báo cáo.", "Build the progress graph again from the report files."),
    "report build": ("Dựng lại đồ thị tiến độ từ các tệp báo cáo của thư mục progress (sau khi dựng lại đồ thị kế "
                     "hoạch: mọi tệp được kiểm tra lại với nó).",
                     "Build the progress graph again from the report files of the progress folder (after a rebuild "
                     "of the plans' graph: every file is checked against it again)."),
    "report build.check": ("Không ghi; thoát mã 1 nếu đồ thị tiến độ khác với các tệp.",
                           "Do not write; exit 1 if the progress graph differs from the folder's files."),
    "report history.short": ("Mọi báo cáo về một nhiệm vụ, cũ trước.", "Every report on a task, oldest first."),
    "report history": ("Mọi báo cáo về nhiệm vụ TASK (TỆP:DÒNG hoặc IRI), cũ trước, và ngày mỗi báo cáo bị báo "
                       "cáo sau thay thế.",
                       "Every report on TASK (FILE:LINE or IRI), oldest first, and when each was superseded."),
    "status.short": ("Mỗi cơ quan: nhiệm vụ đúng hạn, quá hạn, đang làm, tính đến một ngày.",
                     "Per agency, its tasks as of a day: on time, late, in progress, overdue."),
    "status": ("Mỗi cơ quan: số nhiệm vụ tính đến một ngày theo các loại của Văn phòng Chính phủ: hoàn thành đúng "
               "hạn, hoàn thành quá hạn, đang thực hiện trong hạn, quá hạn; và chưa báo cáo (chưa đến hạn), không có "
               "thời hạn, dừng hoặc được thay thế. Các cột cộng lại bằng tổng. Báo cáo gần nhất vào hoặc trước ngày "
               "đó được tính (truy vấn status).",
               "Per agency, its tasks as of a day in the Government Office's categories: done on time, done late, "
               "in progress within the deadline, overdue; and those with no report yet (deadline not passed), no "
               "deadline, cancelled or replaced. The columns add up to the total. The last report on or before the "
               "day counts (query status)."),
    "status.as_of": _AS_OF,
    "status.agency": ("Chỉ cơ quan này.", "Only this agency."),
    "status.plan": ("Chỉ nhiệm vụ của kế hoạch này: số quyết định (913/QĐ-UBND hoặc 913) hoặc tên tệp.",
                    "Only the tasks of this plan: its decision (913/QĐ-UBND or 913) or file name."),
    "overdue.short": ("Các nhiệm vụ quá hạn tính đến một ngày, với báo cáo gần nhất.",
                      "The tasks overdue as of a day, with their last report."),
    "overdue": ("Các nhiệm vụ quá hạn tính đến một ngày: cơ quan chủ trì, thời hạn và báo cáo gần nhất (truy vấn "
                "overdue).",
                "The tasks overdue as of a day: lead agency, deadline, and the last report (query overdue)."),
    "overdue.as_of": _AS_OF,
    "overdue.agency": ("Chỉ nhiệm vụ quá hạn của cơ quan này.", "Only this agency's overdue tasks."),
    "dashboard.short": ("Ghi trang theo dõi thực hiện nhiệm vụ (HTML, chạy không cần mạng).",
                        "Write the follow-up dashboard (HTML, works offline)."),
    "dashboard": ("Ghi trang theo dõi: mỗi cơ quan một thanh theo các loại, các nhiệm vụ quá hạn, và lịch sử báo "
                  "cáo của từng nhiệm vụ (một tệp HTML chạy không cần mạng).",
                  "Write the follow-up dashboard: per agency its categories as stacked bars, the overdue tasks, and "
                  "each task's report history (one HTML file that works offline)."),
    "dashboard.as_of": _AS_OF,
    "dashboard.output": ("Tệp HTML để ghi (mặc định: plangraph-dashboard-<ngày>.html trong thư mục báo cáo).",
                         "HTML file to write (default: plangraph-dashboard-<day>.html in the workspace's reports "
                         "folder)."),
    "dashboard.endpoint": ("Đọc từ một điểm truy vấn SPARQL.", "Read from a SPARQL endpoint."),
}
