"""Messages of the workspace and its commands (``init``, ``add``, ``remove``, ``build``), of
its registry folder and of ``queries``: ``key: (vietnamese, english)``, merged into
:data:`.messages.MESSAGES`."""

COMMANDS: dict[str, tuple[str, str]] = {
    # -- plangraph.toml and finding the workspace (plangraph.workspace) ---------------------
    "ws.one_table": ("cần đúng một bảng [workspace]", "expected one [workspace] table"),
    "ws.one_table_not": ("cần đúng một bảng [workspace], không phải {name!r}",
                         "expected one [workspace] table, not {name!r}"),
    "ws.unknown_key": ("khóa {key!r} không có trong [workspace] (các khóa: {known})",
                       "unknown key {key!r} in [workspace] (known: {known})"),
    "ws.string": ("{key} phải là một chuỗi", "{key} must be a string"),
    "ws.non_empty": ("{key} phải là một chuỗi không rỗng", "{key} must be a non-empty string"),
    "ws.outside": ("{key} = {value!r} nằm ngoài thư mục làm việc; các đường dẫn tính từ {config} và phải ở trong "
                   "thư mục của nó",
                   "{key} = {value!r} is outside the workspace folder; paths are relative to {config} and stay "
                   "inside its folder"),
    "ws.jurisdiction": ('jurisdiction = {value!r} không phải tỉnh, thành phố hay huyện mà plangraph biết; ghi như in '
                        'ở đầu kế hoạch, ví dụ "tỉnh Thanh Hóa" hoặc "thành phố Hà Nội"',
                        'jurisdiction = {value!r} is not a province, city or district plangraph knows; write it as '
                        'printed in a plan header, e.g. "tỉnh Thanh Hóa" or "thành phố Hà Nội"'),
    "ws.none_in": ("không có {config} trong {folder} (do --workspace hoặc {env} chỉ ra); chạy `plangraph init "
                   "{folder}` để tạo thư mục làm việc ở đó",
                   "no {config} in {folder} (given by --workspace or {env}); run `plangraph init {folder}` to make "
                   "a workspace there"),
    "ws.not_in": ("không ở trong thư mục làm việc plangraph nào (không có {config} ở đây hay ở thư mục cha nào); "
                  "chạy `plangraph init` để tạo",
                  "not in a plangraph workspace (no {config} here or in any parent folder); run `plangraph init` "
                  "to make one"),
    "ws.already": ("đã là thư mục làm việc; không đổi gì", "already a workspace; nothing changed"),
    "ws.not_folder": ("không phải thư mục", "not a folder"),
    # -- the sources folder (plangraph.source_folder) ---------------------------------------
    "src.not_plan": ("không phải kế hoạch: plangraph đọc các tệp {suffixes}; không chép gì",
                     "not a plan: plangraph reads {suffixes} files; nothing copied"),
    "src.folder": ("là thư mục, không phải tệp kế hoạch; không chép gì", "a folder, not a plan file; nothing copied"),
    "src.cannot_read": ("không đọc được: {reason}; không chép gì", "cannot read: {reason}; nothing copied"),
    "src.twin.sources": ("đã có trong sources với tên {twin} (cùng SHA-256); không chép gì",
                         "already in sources as {twin} (same SHA-256); nothing copied"),
    "src.twin.command": ("đã có trong lệnh này với tên {twin} (cùng SHA-256); không chép gì",
                         "already in this command as {twin} (same SHA-256); nothing copied"),
    "src.name_taken": ("trong sources đã có một kế hoạch khác tên {name}; đổi tên tệp này để thêm; không chép gì",
                       "another plan is already called {name} in the sources; rename this file to add it; "
                       "nothing copied"),
    "src.nothing_copied": ("{message}; không chép gì", "{message}; nothing copied"),
    "src.no_task": ("trình đọc không thấy nhiệm vụ nào trong tệp: không phải kế hoạch?; không chép gì",
                    "the reader finds no task in it: not a plan?; nothing copied"),
    "src.not_in_sources": ("không phải kế hoạch trong {folder}/ (`plangraph remove` nhận tên một kế hoạch ở đó)",
                           "not a plan in {folder}/ (`plangraph remove` takes the name of a plan there)"),
    "src.edited": ("{name}: đã bị sửa sau khi được thêm (SHA-256 khác với trong manifest.toml); kế hoạch được giữ "
                   "nguyên như khi nhận, để số dòng trong đồ thị trỏ đúng vào chúng",
                   "{name}: changed since it was added (its SHA-256 is not the one in manifest.toml); plans are "
                   "kept as received, so that the graph's line numbers point to them"),
    # -- a workspace's registry/ (plangraph.registries) ---------------------------------------
    "reg.list": ("{key} phải là một danh sách chuỗi", "{key} must be a list of strings"),
    "reg.string": ("{key} phải là một chuỗi", "{key} must be a string"),
    "reg.unknown_table": ("bảng {table!r} không có ở đây: {file} chứa {tables}",
                          "unknown table {table!r}: {file} holds {tables}"),
    "reg.array": ("{table} phải là một mảng bảng ([[{table}]])", "{table} must be an array of tables ([[{table}]])"),
    "reg.no_id": ("một mục [[{table}]] không có id", "a [[{table}]] entry has no id"),
    "reg.twice": ("{id} được ghi hai lần", "{id} is listed twice"),
    "reg.lacks": ("[[{table}]] {id} thiếu {missing}", "[[{table}]] {id} lacks {missing}"),
    "reg.other_table": ("{id} là một [[{bundled}]] trong sổ đăng ký đi kèm, không phải [[{table}]]",
                        "{id} is a [[{bundled}]] in the bundled registry, not a [[{table}]]"),
    "reg.renamed": ("{id} ở đây tên là {name} nhưng trong sổ đăng ký đi kèm là {bundled}: hãy cho một cơ quan khác "
                    "một id riêng, hoặc ghi tên này vào aliases",
                    "{id} is named {name} here but {bundled} in the bundled registry: give a different body an id "
                    "of its own, or put this name in aliases"),
    "reg.not_registry": ("không phải tệp đăng ký: các sổ đăng ký là {names}",
                         "not a registry file: the registries are {names}"),
    "word.and": ("và", "and"),
    # -- plangraph init, add, remove ----------------------------------------------------------
    "init.made": ("đã tạo {path}", "made {path}"),
    "init.ready": ("thư mục làm việc đã sẵn sàng ở {root}; tiếp theo: plangraph add KẾ_HOẠCH.md, rồi plangraph build",
                   "workspace ready in {root}; next: plangraph add PLAN.md, then plangraph build"),
    "add.issuer": ("cơ quan ban hành", "issuer"),
    "add.jurisdiction": ("địa phương", "jurisdiction"),
    "add.number": ("số hiệu", "number"),
    "add.date": ("ngày", "date"),
    "add.kind": ("loại", "kind"),
    "add.title": ("tên", "title"),
    "add.implements": ("thực hiện", "implements"),
    "add.tasks": ("nhiệm vụ", "tasks"),
    "add.unregistered": ("chưa đăng ký", "unregistered"),
    "add.warnings": ("cảnh báo", "warnings"),
    "add.notes": ("ghi chú", "notes"),
    "add.nothing_found": ("không thấy", "nothing found"),
    "add.none": ("không có", "none"),
    "add.task_counts": ("{tasks} ({body} ở phần nội dung, {appendix} dòng phụ lục), {targets} chỉ tiêu",
                        "{tasks} ({body} in the text, {appendix} appendix rows), {targets} targets"),
    "add.dry_run": ("chạy thử: không chép gì vào {where}", "dry run: nothing copied to {where}"),
    "add.added": ("đã thêm {name} vào {where} (sha256 {sha}…)", "added {name} to {where} (sha256 {sha}…)"),
    "add.next": ("tiếp theo: plangraph build{hint}", "next: plangraph build{hint}"),
    "add.hint_unregistered": ("; rồi `plangraph agencies --unregistered` để có các mục cần thêm vào sổ đăng ký",
                              "; then `plangraph agencies --unregistered` for entries to add"),
    "remove.removed": ("đã bỏ {path}; tiếp theo: plangraph build", "removed {path}; next: plangraph build"),
    "more": ("... và {count} nữa", "... and {count} more"),
    # -- plangraph build (plangraph.build, plangraph.cli.build) -------------------------------
    "build.no_folder": ("không thấy thư mục nguồn", "source folder not found"),
    "build.no_documents": ("không có văn bản nào ({suffixes}) trong thư mục nguồn",
                           "no documents ({suffixes}) in the source folder"),
    "build.same_text": ("{file}: cùng nội dung với {other}; bỏ qua", "{file}: same text as {other}; skipped"),
    "build.cannot_read": ("không đọc được văn bản này ({error})", "cannot read this document ({error})"),
    "build.none_read": ("không đọc được văn bản nào: {errors}", "no document could be read: {errors}"),
    "build.reading": ("đang đọc {file}", "reading {file}"),
    "build.read": ("  {number}: {body} nhiệm vụ ở phần nội dung, {appendix} dòng phụ lục, {targets} chỉ tiêu",
                   "  {number}: {body} body tasks, {appendix} appendix rows, {targets} targets"),
    "build.note": ("ghi chú: {text}", "note: {text}"),
    "build.warning": ("cảnh báo: {text}", "warning: {text}"),
    "build.failed": ("lỗi: {text} (bị bỏ ra khỏi đồ thị)", "error: {text} (left out of the graph)"),
    "build.up_to_date": ("{path}: đúng với những gì nguồn cho, không cần dựng lại", "{path}: up to date"),
    "build.wrote": ("đã ghi {path}: {documents} văn bản, {tasks} nhiệm vụ ({body} ở phần nội dung, {appendix} ở "
                    "phụ lục), {agencies} cơ quan{unregistered}, {collectives} nhóm cơ quan, {targets} chỉ tiêu, "
                    "{cited} văn bản được dẫn, {projects} dự án, {triples} bộ ba trong {seconds} giây",
                    "wrote {path}: {documents} documents, {tasks} tasks ({body} body, {appendix} appendix), "
                    "{agencies} agencies{unregistered}, {collectives} collectives, {targets} targets, {cited} cited "
                    "documents, {projects} projects, {triples} triples in {seconds} s"),
    "build.unregistered": (" ({count} chưa đăng ký)", " ({count} unregistered)"),
    "build.left_out": ("{count} văn bản bị bỏ ra: {failures}", "{count} document(s) left out: {failures}"),
    "build.drift": ("{path}: khác với những gì nguồn cho (+{added} -{removed} dòng); chạy `plangraph build` và "
                    "đừng sửa tệp bằng tay",
                    "{path}: differs from what the sources give (+{added} -{removed} lines); run `plangraph build` "
                    "and do not edit the file by hand"),
    "diff.Task": ("nhiệm vụ", "tasks"),
    "diff.Agency": ("cơ quan", "agencies"),
    "diff.Collective": ("nhóm cơ quan", "collectives"),
    "diff.Target": ("chỉ tiêu", "targets"),
    "diff.Plan": ("kế hoạch", "plans"),
    "diff.Document": ("văn bản", "documents"),
    # -- plangraph queries ----------------------------------------------------------------------
    "queries.required": ("bắt buộc", "required"),
    "queries.default": ("mặc định {value}", "default {value}"),
    "queries.optional": ("không bắt buộc", "optional"),
    "queries.example": ("ví dụ: {example}", "e.g. {example}"),
    "ptype.agency": ("cơ quan", "agency"),
    "ptype.document": ("văn bản", "document"),
    "ptype.task": ("nhiệm vụ", "task"),
    "ptype.date": ("ngày", "date"),
    "ptype.integer": ("số", "integer"),
    "ptype.boolean": ("true|false", "boolean"),
    "ptype.string": ("chuỗi", "string"),
    "ptype.folded": ("chuỗi", "string"),
    "ptype.iri": ("IRI", "iri"),
    "ptype.choice": ("một trong", "choice"),
    # -- plangraph validate: what cannot be read -----------------------------------------------
    "validate.not_found": ("không tìm thấy tệp", "file not found"),
    "validate.cannot_parse": ("không phân tích được: {detail}", "cannot parse: {detail}"),
    "validate.syntax": ("lỗi cú pháp Turtle: {detail}", "Turtle syntax error: {detail}"),
    "validate.cannot_read": ("không đọc được: {detail}", "cannot read: {detail}"),
    "qc.value": ("giá trị", "value"),
    "qc.values": ("các giá trị", "values"),
    "qc.other": ("cơ quan kia", "other"),
    # -- any command ------------------------------------------------------------------------------
    "internal": ("lỗi bên trong plangraph ({detail}); chạy lại với PLANGRAPH_DEBUG=1 và báo lại traceback",
                 "internal error ({detail}); run again with PLANGRAPH_DEBUG=1 and report the traceback"),
}
