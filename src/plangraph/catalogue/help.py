"""``--help`` of every command and option: ``key: (vietnamese, english)``.

Keys: the command ("tasks"), its one-line summary ("tasks.short"), an option of one command
("tasks.agency", by the parameter's name) or an option several commands share ("opt.format").
"""

HELP: dict[str, tuple[str, str]] = {
    # -- the group ---------------------------------------------------------------------
    "plangraph": (
        "Theo dõi kế hoạch giao việc gì cho ai.\n\nplangraph đọc các kế hoạch, chương trình hành động "
        "của mọi nơi ban hành (xã, huyện, tỉnh, bộ, Chính phủ) thành một đồ thị tri thức RDF: mỗi nhiệm vụ với cơ quan chủ trì, cơ quan phối hợp, "
        "thời hạn, sản phẩm và dòng trong văn bản; chuỗi từ mỗi kế hoạch lên các nghị quyết mà nó "
        "thực hiện; và các chỉ tiêu.\n\nCác lệnh làm việc trong một thư mục làm việc (plangraph init "
        "tạo thư mục này): tệp plangraph.toml cho biết kế hoạch, sổ đăng ký cơ quan riêng, đồ thị và "
        "bộ nhớ đệm ở đâu. --lang en (hoặc PLANGRAPH_LANG=en): tiếng Anh.",
        "Trace what a government plan asks of whom.\n\nplangraph turns the action plans of any issuer (a commune, district, province, "
        "ministry or the Government) into an "
        "RDF knowledge graph: every task with its lead and coordinating agencies, deadline, output and "
        "source line, the chain from each plan to the resolutions it implements, and the targets it "
        "sets.\n\nCommands work in a workspace (plangraph init makes one): its plangraph.toml says where "
        "the plans, the registry entries of its own, the graph and the cache are. --lang vi (or "
        "PLANGRAPH_LANG=vi): Vietnamese, the default."),
    "plangraph.workspace_dir": (
        "Thư mục làm việc (có plangraph.toml); mặc định: PLANGRAPH_WORKSPACE, nếu không thì tệp "
        "plangraph.toml gần nhất ở thư mục hiện tại hoặc phía trên.",
        "The workspace (a folder with plangraph.toml); default: PLANGRAPH_WORKSPACE, else the nearest "
        "plangraph.toml at or above the current folder."),
    "opt.version": ("Hiện phiên bản rồi thoát.", "Show the version and exit."),
    "opt.lang": ("Ngôn ngữ hiển thị: vi (mặc định) hoặc en; cũng là PLANGRAPH_LANG.",
                 "The language of what is shown: vi (default) or en; also PLANGRAPH_LANG."),
    # -- options the query commands share ------------------------------------------------
    "opt.endpoint": ("Hỏi một điểm truy vấn SPARQL 1.1 thay cho kho nhúng.",
                     "Query a SPARQL 1.1 endpoint instead of the embedded store."),
    "opt.graph_file": ("Tệp đồ thị (mặc định: đồ thị của thư mục làm việc).",
                       "Graph file (default: the workspace's graph)."),
    "opt.fmt": (
        "table: bảng vừa màn hình; wide: mọi cột; csv: cho Excel (BOM, CRLF, tiêu đề tiếng Việt); "
        "xlsx: sổ tính Excel (cần -o); tsv, json (SPARQL 1.1), jsonl: cho chương trình, khóa tiếng Anh.",
        "table: fits the screen; wide: every column; csv: for Excel (BOM, CRLF, headers in the chosen "
        "language); xlsx: an Excel workbook (needs -o); tsv, json (SPARQL 1.1), jsonl: for programs, "
        "English keys."),
    "opt.wide": ("Giữ mọi cột, không cắt theo chiều rộng màn hình (như -f wide).",
                 "Keep every column, whatever the width of the screen (as -f wide)."),
    "opt.output": ("Ghi vào tệp này (cần cho xlsx) thay vì ra màn hình.",
                   "Write to this file (needed for xlsx) instead of the screen."),
    "opt.bom": ("Không còn cần: CSV luôn bắt đầu bằng BOM cho Excel.",
                "No longer needed: CSV always starts with a byte order mark for Excel."),
    "opt.limit": ("In nhiều nhất chừng ấy dòng.", "Print at most this many rows."),
    "opt.fail_on_empty": ("Thoát với mã 1 khi không có dòng nào.", "Exit 1 when there are no rows."),
    "opt.all_rows": (
        "Liệt kê riêng các dòng phụ lục nhắc lại một nhiệm vụ ở phần nội dung (mặc định: gộp vào "
        "nhiệm vụ đó, ghi cả hai dòng nguồn).",
        "List the appendix rows that restate a body task as rows of their own (default: folded into "
        "that task, with both source lines)."),
    "publish.timeout": ("Giây chờ mỗi yêu cầu HTTP.", "Seconds to wait for each HTTP request."),
    "opt.as_of": ("Trả lời cho ngày này: nhiệm vụ cơ quan nắm giữ vào ngày đó, sau các lần sắp xếp tổ chức "
                  "đến ngày đó (mặc định: hôm nay).",
                  "Answer for this day: the tasks an agency held then, after the changes of organisation up "
                  "to it (default: today)."),
    "opt.as_printed": ("Tên cơ quan như kế hoạch ghi, không áp dụng sáp nhập, đổi tên hay giải thể nào.",
                       "The agencies as the plans name them, with no merger, renaming or abolition applied."),
    "opt.timeout": ("Dừng truy vấn chạy lâu hơn chừng ấy giây.",
                    "Stop a query that runs longer than this many seconds."),
    # -- commands --------------------------------------------------------------------------
    "init.short": ("Tạo thư mục làm việc: plangraph.toml, sources/, registry/.",
                   "Make a workspace: plangraph.toml, sources/, registry/."),
    "init": ("Tạo thư mục làm việc trong FOLDER (mặc định: --workspace, nếu không thì thư mục hiện "
             "tại): plangraph.toml, sources/ với manifest.toml, registry/agencies.toml và .gitignore. "
             "Không làm gì nếu thư mục đã có plangraph.toml.",
             "Make a workspace in FOLDER (default: --workspace, else the current folder): "
             "plangraph.toml, an empty sources/ with its manifest.toml, registry/agencies.toml and a "
             ".gitignore for the cache. Refuses a folder that already has a plangraph.toml."),
    "init.name": ("Tên thư mục làm việc (mặc định: tên thư mục).", "The workspace's name (default: the folder's)."),
    "init.jurisdiction": ('Địa phương mặc định của các kế hoạch, ví dụ "tỉnh Thanh Hóa".',
                          'The default jurisdiction of the plans, e.g. "tỉnh Thanh Hóa".'),
    "add.short": ("Chép kế hoạch vào thư mục làm việc, sau khi cho xem những gì đọc được.",
                  "Copy plans into the workspace, after showing what was found."),
    "add": ("Chép các tệp kế hoạch FILES (.txt, .md) vào sources/ nguyên từng byte, sau khi cho xem "
            "cơ quan ban hành, số, ngày, loại, văn bản được thực hiện, nhiệm vụ, cơ quan chưa đăng ký "
            "và cảnh báo. Tệp không đọc được, không phải kế hoạch hoặc đã có (cùng SHA-256) dừng lệnh "
            "với mã 2 và không chép gì.",
            "Copy plan FILES (.txt, .md) into the workspace's sources, byte for byte, after showing "
            "what the reader found in each: issuer, number, date, kind, what it implements, tasks, "
            "unregistered agencies, warnings. A file that cannot be read, is not a plan or is already "
            "there (same SHA-256) stops the command with exit 2 and nothing is copied."),
    "add.dry_run": ("Chỉ cho xem, không chép gì.", "Show what was found and copy nothing."),
    "remove.short": ("Bỏ một kế hoạch khỏi thư mục làm việc.", "Take a plan out of the workspace."),
    "remove": ("Bỏ kế hoạch FILE (tên trong sources/) khỏi thư mục làm việc và manifest.",
               "Take the plan FILE (its name in the sources) out of the workspace and its manifest."),
    "agencies.short": ("Các cơ quan trong sổ đăng ký; --unregistered: mục để dán vào.",
                       "The registry's agencies; --unregistered: entries to paste."),
    "agencies": ("Liệt kê các cơ quan và nhóm cơ quan của sổ đăng ký (có sẵn và của thư mục làm "
                 "việc). --unregistered: các tên mà kế hoạch dùng nhưng sổ chưa có, dạng [[agency]] "
                 "để bổ sung rồi dán vào registry/agencies.toml.",
                 "List the agencies and collectives of the registry: bundled, and the workspace's own. "
                 "With --unregistered: the names the plans use that no registry knows, as [[agency]] "
                 "entries to complete and paste into the workspace's registry/agencies.toml."),
    "agencies.unregistered": ("In một mục đăng ký, sẵn để dán, cho mỗi tên chưa có trong sổ.",
                              "Print a registry entry, ready to paste, for each name no registry knows."),
    "agencies.fmt": ("Định dạng của danh sách (--unregistered luôn in TOML).",
                     "Of the listing (--unregistered always prints TOML)."),
    "build.short": ("Dựng đồ thị của thư mục làm việc từ các kế hoạch.", "Build the workspace's graph from its plans."),
    "build": ("Dựng đồ thị từ các kế hoạch (*.txt, *.md): nhiệm vụ, cơ quan, thời hạn, chỉ tiêu, văn "
              "bản được dẫn; ghi Turtle đã sắp xếp (cùng nguồn luôn cho cùng các byte), thay tệp cũ "
              "một lần. Văn bản không đọc được được báo với tệp và dòng rồi bỏ qua (mã 1). Mã thoát: "
              "0 thành công, 1 khi --check thấy khác hoặc có văn bản bị bỏ, 2 khi đầu vào không dùng "
              "được.",
              "Build the workspace's graph from its plans (*.txt, *.md): tasks, agencies, deadlines, "
              "targets and cited documents, written as sorted Turtle (the same sources always give the "
              "same bytes), replacing the previous file atomically. A document that cannot be read is "
              "reported with its file and line and left out (exit 1). Exit 0 on success, 1 when "
              "--check finds drift or a document was left out, 2 on unusable input."),
    "build.sources": ("Thư mục kế hoạch (mặc định: sources/ của thư mục làm việc).",
                      "Folder of plans (default: the workspace's sources)."),
    "build.output": ("Tệp đồ thị để ghi (mặc định: đồ thị của thư mục làm việc).",
                     "Graph file to write (default: the workspace's graph)."),
    "build.check": ("Không ghi; thoát mã 1 nếu tệp đồ thị khác với những gì nguồn cho.",
                    "Do not write; exit 1 if the graph file differs from what the sources give."),
    "build.show_diff": ("Báo nhiệm vụ, cơ quan, chỉ tiêu, kế hoạch, văn bản được thêm, bớt, đổi.",
                        "Report the tasks, agencies, targets, plans and documents a rebuild adds, removes and changes."),
    "build.strict": ("Từ chối cả lần dựng (mã 2, không ghi gì) khi có văn bản không đọc được (cho CI).",
                     "Refuse the whole build (exit 2, nothing written) when any document cannot be read (for CI)."),
    "build.quiet": ("Không in tiến độ, chỉ cảnh báo và lỗi.", "No progress, only warnings and errors."),
    "query.short": ("Chạy một truy vấn có tên (tasks-of-agency, trace, due, ...).",
                    "Run a named query (tasks-of-agency, trace, due, ...)."),
    "query": ("Chạy truy vấn có tên NAME (xem `plangraph queries`). Ví dụ: plangraph query "
              "tasks-of-agency --param agency=\"Sở Y tế\" -f csv",
              "Run the named query NAME (see `plangraph queries`). Example: plangraph query "
              "tasks-of-agency --param agency=\"Sở Y tế\" -f csv"),
    "query.params": ("Một tham số của truy vấn, dạng TÊN=GIÁ_TRỊ; lặp lại được.",
                     "A query parameter, NAME=VALUE; repeatable."),
    "queries.short": ("Liệt kê các truy vấn có tên và câu hỏi chúng trả lời.",
                      "List the named queries and what they answer."),
    "queries": ("Liệt kê các truy vấn có tên và câu hỏi chúng trả lời.", "List the named queries with what they answer."),
    "queries.verbose": ("Cho xem cả câu hỏi và tham số của từng truy vấn.",
                        "Also show each query's question and parameters."),
    "sparql.short": ("Chạy một truy vấn SPARQL tùy ý.", "Run an ad hoc SPARQL query."),
    "sparql": ("Chạy một truy vấn SPARQL tùy ý: plangraph sparql 'SELECT ...' hoặc -q tệp.rq. Tên "
               "cột giữ nguyên như trong truy vấn.",
               "Run an ad hoc SPARQL query: plangraph sparql 'SELECT ...' or -q file.rq. Columns keep "
               "the names the query gives them."),
    "sparql.query_file": ("Đọc truy vấn từ tệp ('-' làm TEXT: đọc từ đầu vào chuẩn).",
                          "Read the query from a file ('-' as TEXT reads stdin)."),
    "tasks.short": ("Mọi nhiệm vụ của một cơ quan trong mọi kế hoạch.", "Every task of an agency across all plans."),
    "tasks": ("Mọi nhiệm vụ một cơ quan chủ trì hoặc phối hợp, trong mọi kế hoạch, sắp theo thời hạn "
              "(không có hạn ở cuối). Tên cơ quan được đọc to trên stderr; tên chỉ gần giống bị từ chối "
              "kèm các ứng viên (mã 2).",
              "Every task an agency leads or coordinates, across all plans, by deadline (undated "
              "last). The agency the name was resolved to is said on stderr; a name that only "
              "resembles one is refused with the candidates (exit 2)."),
    "tasks.agency": ('Cơ quan: "Sở Y tế", "so y te", "KH&ĐT" hoặc IRI.',
                     'The agency: "Sở Y tế", "so y te", "KH&ĐT" or an IRI.'),
    "tasks.role": ("Vai trò: both (cả hai), lead (chủ trì), coordinating (phối hợp).",
                   "Role: both, lead, coordinating."),
    "tasks.collectives": ("Tính cả nhiệm vụ giao cho nhóm cơ quan mà cơ quan này thuộc về.",
                          "Also count tasks given to a collective the agency belongs to."),
    "tasks.from_": ("Chỉ nhiệm vụ có thời hạn từ ngày này (YYYY-MM-DD).", "Only deadlines on or after this day."),
    "tasks.to": ("Chỉ nhiệm vụ có thời hạn đến ngày này (YYYY-MM-DD).", "Only deadlines on or before this day."),
    "tasks.undated": ("Với --from/--to: giữ cả nhiệm vụ không có ngày hạn.",
                      "With --from/--to: keep the tasks that have no date too."),
    "trace.short": ("Lần một nhiệm vụ lên các nghị quyết nó phục vụ.", "Trace a task up to the resolutions it serves."),
    "trace": ("Nhiệm vụ TASK (IRI hoặc TỆP:DÒNG, ví dụ 004:97): cơ quan chủ trì, phối hợp, thời hạn, "
              "sản phẩm, và chuỗi mục → kế hoạch → quyết định → chương trình → nghị quyết gốc.",
              "The task TASK (IRI or FILE:LINE, e.g. 004:97): its lead and coordinating agencies, "
              "deadline and output, and the chain section → plan → decision → programmes → top "
              "resolutions."),
    "agency.short": ("Tìm cơ quan theo tên, chữ viết tắt hoặc phần đầu tên.",
                     "Find agencies by name, abbreviation or prefix."),
    "agency": ("Tìm cơ quan theo NAME: mọi kiểu chữ hoa/thường, có hoặc không dấu, chữ viết tắt, "
               "phần đầu tên; xếp hạng các ứng viên.",
               "Find agencies by NAME: any case, with or without diacritics, abbreviations, prefixes; "
               "the candidates ranked."),
    "publish.short": ("Nạp đồ thị vào một kho SPARQL (Graph Store Protocol).",
                      "Load the graph into a SPARQL store (Graph Store Protocol)."),
    "publish": ("Nạp đồ thị vào một kho: mỗi văn bản nguồn một đồ thị có tên, một đồ thị cho phần còn "
                "lại; mỗi đồ thị được thay cả (HTTP PUT).",
                "Load the graph into a store: one named graph per source document, one for the rest, "
                "each replaced whole (HTTP PUT)."),
    "publish.endpoint": ("Địa chỉ Graph Store Protocol, ví dụ http://127.0.0.1:7878/store.",
                         "The SPARQL 1.1 Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store."),
    "serve.short": ("Phục vụ đồ thị chỉ đọc bằng oxigraph trên 127.0.0.1.",
                    "Serve the graph read-only with oxigraph on 127.0.0.1."),
    "serve": ("Phục vụ đồ thị chỉ đọc bằng oxigraph, kèm trình soạn truy vấn trên web "
              "(http://127.0.0.1:7878/; điểm truy vấn /query). Đồ thị được nạp lại khi tệp thay đổi; "
              "Ctrl-C dừng máy chủ.",
              "Serve the graph read-only with oxigraph, with its web query editor "
              "(http://127.0.0.1:7878/; the endpoint is /query). The graph is reloaded when the file "
              "changes; Ctrl-C stops the server."),
    "serve.port": ("Cổng lắng nghe.", "The port to listen on."),
    "serve.host": ("Địa chỉ lắng nghe; 127.0.0.1 giữ máy chủ trong máy này.",
                   "Address to listen on; 127.0.0.1 keeps the server on this machine."),
    "serve.timeout": ("Máy chủ hủy truy vấn chạy lâu hơn chừng ấy giây.",
                      "The server cancels a query that runs longer than this (seconds)."),
    "serve.allow_service": ("Cho chạy truy vấn có SERVICE (máy chủ sẽ gửi yêu cầu tới máy khác).",
                            "Run queries with SERVICE (the server then sends requests to other hosts)."),
    "validate.short": ("Kiểm tra đồ thị: các shape SHACL và các quy tắc toàn đồ thị.",
                       "Check the graph: SHACL shapes and whole-graph rules."),
    "validate": ("Kiểm tra FILES (mặc định: đồ thị của thư mục làm việc và đồ thị tiến độ của nó) theo các shape và quy tắc. "
                 "Mã 0 khi không có vi phạm (cảnh báo vẫn được in), 1 khi có phát hiện từ mức --fail-on, "
                 "2 khi không đọc được tệp.",
                 "Validate FILES (default: the workspace's graph and its progress reports' graph) against the shapes and qc rules. Exit 0 "
                 "when there is no violation (warnings are printed), 1 with findings at or above "
                 "--fail-on, 2 when a file cannot be read."),
    "validate.fmt": ("human: cho người đọc; json; turtle: một sh:ValidationReport chuẩn.",
                     "human: for people; json; turtle: a standard sh:ValidationReport."),
    "validate.fail_on": ("Mức thấp nhất làm mã thoát thành 1.", "The lowest severity that makes the exit code 1."),
    "validate.shapes_dir": ("Thư mục shape SHACL (mặc định: các shape đi kèm).",
                            "Folder of SHACL shapes (default: the shapes bundled with plangraph)."),
    "validate.engine": ("fast: shape dịch sang SPARQL chạy trên pyoxigraph; pyshacl: bản tham chiếu.",
                        "fast: shapes compiled to SPARQL on pyoxigraph; pyshacl: the reference implementation."),
    "validate.quiet": ("Chỉ dòng tổng kết.", "Only the summary line."),
    "viz.short": ("Ghi một khung nhìn đồ thị tương tác (HTML, chạy không cần mạng).",
                  "Write an interactive graph view (HTML, works offline)."),
    "viz": ("Ghi một trang HTML tương tác chạy không cần mạng (mọi script nằm trong tệp).",
            "Write one interactive HTML view that works offline (every script is inside the file)."),
    "viz.agency": ("Một cơ quan: nhiệm vụ, kế hoạch, nghị quyết và các cơ quan cùng làm.",
                   "An agency: its tasks, their plans and resolutions, its partners."),
    "viz.resolution": ("Một nghị quyết (58-NQ/TW): chương trình, kế hoạch, nhiệm vụ, cơ quan.",
                       "A resolution (58-NQ/TW): the programmes, plans, tasks and agencies under it."),
    "viz.plan": ("Một kế hoạch, theo số quyết định (913/QĐ-UBND hoặc 913) hoặc tên tệp.",
                 "A plan, by its decision (913/QĐ-UBND or 913) or file name."),
    "viz.overview": ("Nghị quyết, kế hoạch và cơ quan; cạnh đậm theo số nhiệm vụ.",
                     "Resolutions, plans and agencies, edges weighted by tasks."),
    "viz.output": ("Tệp HTML để ghi (mặc định: plangraph-<view>.html trong thư mục báo cáo).",
                   "HTML file to write (default: plangraph-<view>.html in the workspace's reports folder)."),
    "viz.max_nodes": ("Từ chối khung nhìn lớn hơn: trình duyệt không hiển thị hữu ích được.",
                      "Refuse a larger view: a browser cannot show it usefully."),
    "viz.as_of": ("Ngày để tính quá hạn / sắp đến hạn (mặc định: ngày mở trang), và ngày mà khung nhìn cơ quan "
                  "trả lời: nhiệm vụ cơ quan nắm giữ sau các lần sắp xếp tổ chức (mặc định: hôm nay).",
                  "The day overdue and due soon are measured against (default: the day the page is opened), "
                  "and the day the agency view answers for: the tasks held after the changes of organisation "
                  "(default: today)."),
    "export.short": ("Xuất ra GraphML, GEXF, JSON-LD, N-Triples, CSV hoặc Excel.",
                     "Export to GraphML, GEXF, JSON-LD, N-Triples, CSV or Excel."),
    "export": ("Xuất đồ thị cho Gephi, các công cụ RDF khác hoặc bảng tính (csv, xlsx: mỗi nhiệm vụ "
               "một dòng, cùng các cột như plangraph tasks -f csv).",
               "Export the graph for Gephi, other RDF tools or spreadsheets (csv, xlsx: one row per "
               "task, the same columns as plangraph tasks -f csv)."),
    "export.fmt": ("graphml/gexf: mạng nhiệm vụ cho Gephi; jsonld/nt: đồ thị RDF; csv/xlsx: mỗi nhiệm vụ một dòng.",
                   "graphml/gexf: the task network for Gephi; jsonld/nt: the RDF graph; csv/xlsx: one row per task."),
    "export.output": ("Tệp để ghi.", "File to write."),
    "synth.short": ("Ghi một đồ thị tổng hợp cỡ cho trước (để đo hiệu năng).",
                    "Write a synthetic graph of a given size (benchmarks)."),
    "synth": ("Ghi một đồ thị tổng hợp tất định: các kế hoạch thật được chép thành nhiều kế hoạch và "
              "tỉnh hơn (N-Triples), để đo hiệu năng ở quy mô cả nước.",
              "Write a deterministic synthetic graph: the real plans copied into more plans and provinces "
              "(N-Triples), for benchmarks at national scale."),
    "synth.triples": ("Cỡ xấp xỉ (ít nhất).", "Approximate size (at least)."),
    "synth.seed": ("Hạt giống ngẫu nhiên (cùng hạt giống cho cùng đồ thị).",
                   "The random seed (the same seed gives the same graph)."),
    "synth.output": ("Tệp N-Triples để ghi.", "N-Triples file to write."),
}

from .followup import HELP as _FOLLOWUP  # noqa: E402 - the follow-up's commands, in a module of their own

HELP.update(_FOLLOWUP)
