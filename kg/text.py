"""Every fixed string kg shows to people, in English and Korean, and the small helpers that render them.

One place for the words of the CLI (kg stats, neighbors, path, explain, sources, conflicts, network, view), of the
map page (kg/templates/view.html.j2 and view.js read MESSAGES through the page data), of kg serve's query page
(kg/templates/serve.html, likewise) and of their messages: a message is a key with an English and a Korean form,
{names} filled in by `tr`. What comes from the data stays data: entity labels (the seeds), kind, role, class and
status labels (kg/model.yaml, kg/ontology's kg.ttl), qualifier words (kgo:figureTemplate), curators' notes (in the
language they were written in).

tests/test_text.py fails for a message without both forms, for a key used in kg/ or view.js that is not here,
and for {names} that differ between the two forms.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from typing import Any

LANGUAGES = ("en", "ko")

#: The one definition of the two counts that kg stats, kg neighbors, kg explain and the map show (and that
#: queries/central-organisations.rq is tested against): partners and relations of a node in the default network.
DEFINITION = {
    "en": "partners: distinct organisations, sectors or countries linked to it by a partnership fact (MOU, joint "
          "venture, joint research, cooperation, supply deal, alliance membership, GPU allocation, investment); "
          "relations: one per such fact per pair of parties",
    "ko": "파트너: 파트너십 사실(MOU, 합작회사, 공동연구, 협력, 공급 계약, 연합체 참여, GPU 공급 배정, 투자)로 연결된 "
          "서로 다른 기관·부문·국가의 수; 관계: 그런 사실마다 당사자 쌍 하나당 1개",
}

#: key -> (English, Korean). Keys name where the text is shown; "map …" keys are the map page's.
MESSAGES: dict[str, tuple[str, str]] = {
    # click's usage errors and the commands' help (kg/cli.py)
    "version": ("kg, version {version}", "kg 버전 {version}"),
    # click's words (kg.clitext): the English form is click's own message, as click writes it
    "click Usage:": ("Usage:", "사용법:"),
    "click Options": ("Options", "옵션"),
    "click Commands": ("Commands", "명령"),
    "click default: {default}": ("default: {default}", "기본값: {default}"),
    "click env var: {var}": ("env var: {var}", "환경 변수: {var}"),
    "click required": ("required", "필수"),
    "click Show this message and exit.": ("Show this message and exit.", "이 도움말을 보여 주고 끝냅니다."),
    "click Error: {message}": ("Error: {message}", "오류: {message}"),
    "click Try '{command} {option}' for help.": ("Try '{command} {option}' for help.",
                                                 "도움말은 '{command} {option}'로 보세요."),
    "click Invalid value: {message}": ("Invalid value: {message}", "잘못된 값: {message}"),
    "click Invalid value for {param_hint}: {message}": ("Invalid value for {param_hint}: {message}",
                                                        "{param_hint}에 잘못된 값: {message}"),
    "click Missing argument": ("Missing argument", "빠진 인자:"),
    "click Missing option": ("Missing option", "빠진 옵션:"),
    "click Missing parameter": ("Missing parameter", "빠진 매개변수:"),
    "click No such option {name!r}.": ("No such option {name!r}.", "{name!r} 옵션은 없습니다."),
    "click No such command {name!r}.": ("No such command {name!r}.", "{name!r} 명령은 없습니다."),
    "click Did you mean {possibility}?": ("Did you mean {possibility}?", "{possibility} 말인가요?"),
    "click (Did you mean one of: {possibilities}?)": ("(Did you mean one of: {possibilities}?)",
                                                      "({possibilities} 중 하나인가요?)"),
    "click Got unexpected extra argument ({args})": ("Got unexpected extra argument ({args})",
                                                     "예상하지 못한 인자가 더 있습니다 ({args})"),
    "click Got unexpected extra arguments ({args})": ("Got unexpected extra arguments ({args})",
                                                      "예상하지 못한 인자가 더 있습니다 ({args})"),
    "click Missing command.": ("Missing command.", "명령이 없습니다."),
    "click Option {name!r} requires an argument.": ("Option {name!r} requires an argument.",
                                                    "{name!r} 옵션에는 값이 필요합니다."),
    "click Option {name!r} requires {nargs} arguments.": ("Option {name!r} requires {nargs} arguments.",
                                                          "{name!r} 옵션에는 값이 {nargs}개 필요합니다."),
    "click Option {name!r} does not take a value.": ("Option {name!r} does not take a value.",
                                                     "{name!r} 옵션은 값을 받지 않습니다."),
    "click {value!r} is not {choice}.": ("{value!r} is not {choice}.", "{value!r}: {choice}만 쓸 수 있습니다."),
    "click {value!r} is not one of {choices}.": ("{value!r} is not one of {choices}.",
                                                 "{value!r}: 다음 중 하나가 아닙니다: {choices}."),
    "click {value} is not in the range {range}.": ("{value} is not in the range {range}.",
                                                   "{value}: 범위 {range} 밖입니다."),
    "click {value!r} is not a valid {number_type}.": ("{value!r} is not a valid {number_type}.",
                                                      "{value!r}: 올바른 수가 아닙니다 ({number_type})."),
    "click file": ("file", "파일"),
    "click directory": ("directory", "디렉터리"),
    "click path": ("path", "경로"),
    "click {name} {filename!r} does not exist.": ("{name} {filename!r} does not exist.",
                                                  "{name} {filename!r}이(가) 없습니다."),
    "click {name} {filename!r} is a file.": ("{name} {filename!r} is a file.",
                                             "{name} {filename!r}은(는) 파일입니다."),
    "click {name} {filename!r} is a directory.": ("{name} {filename!r} is a directory.",
                                                  "{name} {filename!r}은(는) 디렉터리입니다."),
    "click {name} {filename!r} is not readable.": ("{name} {filename!r} is not readable.",
                                                   "{name} {filename!r}을(를) 읽을 수 없습니다."),
    "click {name} {filename!r} is not writable.": ("{name} {filename!r} is not writable.",
                                                   "{name} {filename!r}에 쓸 수 없습니다."),
    "click Aborted!": ("Aborted!", "중단했습니다!"),
    # kg's own option types (kg/cli.py's Seconds and Size), shown after click's "Invalid value for '--timeout': "
    "usage not seconds": ("{value} is not a number of seconds — write one such as 30 or 0.5",
                          "{value}: 초 단위의 수가 아닙니다 — 30이나 0.5처럼 쓰세요"),
    "usage seconds range": ("{value} is not a time limit kg can keep — give seconds from {minimum} to {maximum} "
                            "(a year)",
                            "{value}: kg가 지킬 수 있는 시간 제한이 아닙니다 — {minimum}에서 {maximum}(1년) "
                            "사이의 초를 주세요"),
    "usage not size": ("{value} is not a size — write one such as 512M or 4G (0: no limit)",
                       "{value}: 크기가 아닙니다 — 512M이나 4G처럼 쓰세요 (0: 제한 없음)"),
    # kg's --help (kg/cli.py): "help COMMAND", "help COMMAND --option"; "help --option" for one several commands share
    "help build": ("Check the seed files, build the graph, validate it and write it.",
                   "시드 파일을 검사하고, 그래프를 만들어 검증한 뒤 씁니다."),
    "help build --no-validate": ("Skip the SHACL check.", "SHACL 검사를 건너뜁니다."),
    "help build --output": ("Where to write the built dataset (N-Quads).", "만든 데이터셋(N-Quads)을 쓸 곳."),
    "help build --store": ("Also load the graph into this store: oxigraph:PATH or sparql:URL (env KG_STORE); later "
                           "commands read it from there with the same --store.",
                           "그래프를 이 저장소에도 적재합니다: oxigraph:PATH 또는 sparql:URL (환경 변수 KG_STORE); "
                           "이후 명령은 같은 --store로 거기서 읽습니다."),
    "help conflicts": ("Where sources disagree on a figure, and per source whether the shares add up to the total.",
                       "출처끼리 수치가 엇갈리는 곳, 그리고 출처마다 배분의 합이 총량과 맞는지."),
    "help conflicts --strict": ("Exit with status 1 when any conflict is found (for CI of a data repository).",
                                "충돌이 하나라도 있으면 상태 1로 끝냅니다 (데이터 저장소의 CI용)."),
    "help draft": ("Propose sourced facts from a saved article (HTML or text), written for review.\n"
                   "\n"
                   "\b\n"
                   "Example: kg draft ~/saved/yonhap-gpu.html --source yonhap-20251102",
                   "저장해 둔 기사(HTML 또는 텍스트)에서 출처가 있는 사실을 제안해 검토용으로 씁니다.\n"
                   "\n"
                   "\b\n"
                   "예: kg draft ~/saved/yonhap-gpu.html --source yonhap-20251102"),
    "help draft --date": ("Publication date, YYYY-MM-DD, for a new source whose page does not say it.",
                          "발행일, YYYY-MM-DD. 페이지에 날짜가 없는 새 출처에 씁니다."),
    "help draft --dry-run": ("Show the proposals; write nothing.", "제안만 보여 주고 아무것도 쓰지 않습니다."),
    "help draft --lang": ("Language of the report.", "보고서의 언어."),
    "help draft --output": ("Where to write the draft [default: seeds/facts/ID.yaml].",
                            "초안을 쓸 곳 [기본값: seeds/facts/ID.yaml]."),
    "help draft --source": ("The source id; a new one is registered from the page (--date when the page has none).",
                            "출처 id; 새 id이면 페이지에서 등록합니다 (페이지에 날짜가 없으면 --date)."),
    "help entities": ("Search the registry by id, label or alias in either language (all entities without NAME).",
                      "id, 레이블, 별칭으로 (두 언어 모두) 등록부를 찾습니다 (NAME이 없으면 모든 항목)."),
    "help entities --lang": ("Language of the labels and messages.", "레이블과 메시지의 언어."),
    "help explain": ("Everything the graph says about an organisation or person, each claim with its sources.",
                     "조직이나 인물에 대해 그래프가 말하는 모든 것을, 주장마다 그 출처와 함께."),
    "help explain --source": ("List every fact that cites this source instead.",
                              "대신 이 출처를 인용하는 모든 사실을 나열합니다."),
    "help export": ("Export the graph as Turtle, TriG, N-Triples, N-Quads or JSON-LD (deterministic), or its "
                    "partnership\n"
                    "network for Gephi, Cytoscape, Kumu or a spreadsheet (kg network has the network's options).",
                    "그래프를 Turtle, TriG, N-Triples, N-Quads 또는 JSON-LD로 (결정적으로) 내보내거나, 그 파트너십\n"
                    "네트워크를 Gephi, Cytoscape, Kumu나 스프레드시트용으로 내보냅니다 (네트워크의 옵션은 kg "
                    "network에 있음)."),
    "help export --format": ("Output format [default: from the file name, else turtle]: RDF (turtle, trig, nt, "
                             "nquads, jsonld) or the partnership network as `kg network` writes it (gexf, graphml, "
                             "csv, kumu).",
                             "출력 형식 [기본값: 파일 이름에서, 아니면 turtle]: RDF (turtle, trig, nt, nquads, "
                             "jsonld) 또는 `kg network`가 쓰는 파트너십 네트워크 (gexf, graphml, csv, kumu)."),
    "help export --lang": ("Language of messages (and of Kumu's labels).", "메시지(와 Kumu 레이블)의 언어."),
    "help export --output": ("File to write (atomically); standard output when omitted.",
                             "쓸 파일 (원자적으로); 없으면 표준 출력."),
    "help kg": ("Partnership knowledge graph: sourced facts about AI-industry partnerships as RDF.",
                "파트너십 지식 그래프: AI 산업 파트너십에 관한, 출처가 있는 사실을 RDF로."),
    "help kg --lang": ("Language of every command: its messages and errors, and the default of its own --lang (env "
                       "KG_LANG; English if not given).",
                       "모든 명령의 언어: 메시지와 오류, 그리고 각 명령 자체 --lang의 기본값 (환경 변수 KG_LANG; "
                       "주지 않으면 영어)."),
    "help load": ("Load RDF files (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) into a persistent store.",
                  "RDF 파일(Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML)을 영구 저장소에 적재합니다."),
    "help load --store": ("oxigraph:PATH (replaced by the files, bulk-loaded) or sparql:URL (env KG_STORE).",
                          "oxigraph:PATH (파일들로 바꿔 채움, 일괄 적재) 또는 sparql:URL (환경 변수 KG_STORE)."),
    "help neighbors": ("An organisation's direct partners, with the relations and sources behind each.",
                       "조직의 직접 파트너를, 각각의 관계와 그 출처와 함께."),
    "help network": ("Write the who-partners-with-whom network for other tools: Gephi, Cytoscape, yEd, Kumu, a "
                     "spreadsheet.\n"
                     "\n"
                     "\b\n"
                     "  kg network -o out/partners.gexf\n"
                     "  kg network -o out/partners.graphml --kind mou,gpu-allocation\n"
                     "  kg network -o out/partners.csv            # out/partners-nodes.csv, out/partners-edges.csv\n"
                     "  kg network -o out/kumu.csv -f kumu --lang ko\n"
                     "\n"
                     "Nodes carry id, kind, group, English and Korean labels, aliases, partners and relations; edges "
                     "carry the\n"
                     "relation kind, fact, direction, date, status, figures and sources.",
                     "누가 누구와 협력하는지의 네트워크를 다른 도구용으로 씁니다: Gephi, Cytoscape, yEd, Kumu, "
                     "스프레드시트.\n"
                     "\n"
                     "\b\n"
                     "  kg network -o out/partners.gexf\n"
                     "  kg network -o out/partners.graphml --kind mou,gpu-allocation\n"
                     "  kg network -o out/partners.csv            # out/partners-nodes.csv, out/partners-edges.csv\n"
                     "  kg network -o out/kumu.csv -f kumu --lang ko\n"
                     "\n"
                     "노드에는 id, 종류, 그룹, 영어·한국어 레이블, 별칭, 파트너 수와 관계 수가 담기고, 엣지에는\n"
                     "관계 종류, 사실, 방향, 날짜, 상태, 수치와 출처가 담깁니다."),
    "help network --bom": ("Start CSV files with a UTF-8 byte order mark, so Excel on Windows shows Hangul intact "
                           "(--excel: the same, as kg query says it).",
                           "CSV 파일을 UTF-8 바이트 순서 표시로 시작해, Windows의 Excel에서 한글이 깨지지 않게 "
                           "합니다 (--excel: kg query에서처럼 같은 뜻)."),
    "help network --format": ("gexf (Gephi), graphml (Cytoscape, yEd), csv (nodes and edges), kumu (Kumu's "
                              "Label/Type/From/To columns) [default: from the file name].",
                              "gexf (Gephi), graphml (Cytoscape, yEd), csv (노드와 엣지), kumu (Kumu의 "
                              "Label/Type/From/To 열) [기본값: 파일 이름에서]."),
    "help network --output": ("The file to write (atomically): NAME.gexf, NAME.graphml, or NAME.csv for "
                              "NAME-nodes.csv and NAME-edges.csv (kumu: NAME-elements.csv and NAME-connections.csv).",
                              "쓸 파일 (원자적으로): NAME.gexf, NAME.graphml, 또는 NAME-nodes.csv와 NAME-edges.csv를 "
                              "쓰는 NAME.csv (kumu: NAME-elements.csv와 NAME-connections.csv)."),
    "help new-entity": ("Add an entity to seeds/entities.yaml, checked as kg build checks the seeds.",
                        "seeds/entities.yaml에 항목을 추가합니다. kg build가 시드를 검사하듯 검사합니다."),
    "help new-entity --alias": ("Another name it goes by (repeat for more).", "이 항목의 다른 이름 (여럿이면 반복)."),
    "help new-entity --en": ("The English label.", "영어 레이블."),
    "help new-entity --ko": ("The Korean label.", "한국어 레이블."),
    "help new-entity --lang": ("Language of the messages.", "메시지의 언어."),
    "help new-entity --type": ("Its class, such as Company or GovernmentBody (a wrong one is answered with the "
                               "nearest).",
                               "클래스, 예: Company, GovernmentBody (틀리면 가장 가까운 것을 알려 줌)."),
    "help new-source": ("Register a new article and create its fact file from a template, ready to fill in.",
                        "새 기사를 등록하고, 그 사실 파일을 틀에서 만들어 채울 수 있게 합니다."),
    "help new-source --date": ("Publication date, YYYY-MM-DD.", "발행일, YYYY-MM-DD."),
    "help new-source --file": ("The article's text file name [default: SOURCE_ID.txt].",
                               "기사 텍스트 파일 이름 [기본값: SOURCE_ID.txt]."),
    "help new-source --label-en": ("A short English description of the article.", "기사에 대한 짧은 영어 설명."),
    "help new-source --label-ko": ("The same in Korean.", "같은 설명의 한국어."),
    "help new-source --language": ("The article's language (BCP 47 code).", "기사의 언어 (BCP 47 코드)."),
    "help new-source --publisher": ("The publisher's entity id (add it to entities.yaml first).",
                                    "발행처의 항목 id (먼저 entities.yaml에 추가하세요)."),
    "help new-source --title": ("The headline as printed.", "인쇄된 그대로의 제목."),
    "help ontology-doc": ("Write the ontology as one offline HTML page: every class, property and controlled value, "
                          "English and\n"
                          "Korean side by side.",
                          "온톨로지를 오프라인 HTML 페이지 하나로 씁니다: 모든 클래스, 속성, 통제 값을 영어와\n"
                          "한국어로 나란히."),
    "help ontology-doc --output": ("File to write (atomically), such as docs/ontology.html; standard output when "
                                   "omitted.",
                                   "쓸 파일 (원자적으로), 예: docs/ontology.html; 없으면 표준 출력."),
    "help path": ("The shortest chains of partnerships between A and B, with the agreement and source behind each "
                  "link.\n"
                  "\n"
                  "\b\n"
                  "  kg path \"LG Electronics\" KISTI\n"
                  "  kg path \"LG Electronics\" KISTI --avoid nvidia --status signed,agreed --since 2025-10",
                  "A와 B 사이의 가장 짧은 파트너십 경로를, 각 연결 뒤의 협약과 출처와 함께.\n"
                  "\n"
                  "\b\n"
                  "  kg path \"LG전자\" KISTI\n"
                  "  kg path \"LG전자\" KISTI --avoid nvidia --status signed,agreed --since 2025-10"),
    "help path --limit": ("At most this many chains.", "경로를 최대 이만큼."),
    "help push": ("Upload the graph to a SPARQL endpoint, one named graph per source; re-running replaces, never "
                  "duplicates.",
                  "그래프를 SPARQL 엔드포인트에 올립니다. 출처마다 이름 있는 그래프 하나; 다시 실행하면 바꿔 쓰고, "
                  "중복되지 않습니다."),
    "help push --batch-size": ("Quads per request.", "요청당 쿼드 수."),
    "help push --to": ("The SPARQL 1.1 Update endpoint, e.g. http://127.0.0.1:7878/update (Oxigraph), "
                       "http://HOST:3030/DATASET/update (Fuseki), http://USER@HOST:8890/sparql-auth (Virtuoso; the "
                       "password in $KG_PASSWORD or ~/.netrc, never in the URL).",
                       "SPARQL 1.1 Update 엔드포인트, 예: http://127.0.0.1:7878/update (Oxigraph), "
                       "http://HOST:3030/DATASET/update (Fuseki), http://USER@HOST:8890/sparql-auth (Virtuoso; "
                       "비밀번호는 URL이 아니라 $KG_PASSWORD나 ~/.netrc에)."),
    "help queries": ("List the named queries with their parameters, or show one in full with its SPARQL.",
                     "이름 있는 질의를 매개변수와 함께 나열하거나, 하나를 SPARQL까지 전부 보여 줍니다."),
    "help query": ("Run a named query (see `kg queries`), a query file or a SPARQL text, and print the answer.\n"
                   "\n"
                   "\b\n"
                   "  kg query gpu-allocations --lang ko\n"
                   "  kg query agreements -p org=naver-cloud -f csv\n"
                   "  kg query -e 'SELECT ?party WHERE { kg:mou-ai-ran kgo:party ?party }'\n"
                   "\n"
                   "Parameter values, and ?lang, are bound as RDF terms in a VALUES row inside the WHERE clause: a "
                   "named\n"
                   "query's own row of defaults gets them, any other query gets one put first. The patterns and "
                   "FILTERs\n"
                   "of the WHERE clause see them; a FILTER inside a nested group does not (see queries/README.md).\n"
                   "\n"
                   "A query runs at most --timeout seconds and keeps --max-rows rows; it may not reach other "
                   "servers\n"
                   "(SERVICE, FROM <elsewhere>) without --allow-remote, and SPARQL Update is always refused.",
                   "이름 있는 질의(`kg queries` 참고), 질의 파일 또는 SPARQL 텍스트를 실행하고 답을 출력합니다.\n"
                   "\n"
                   "\b\n"
                   "  kg query gpu-allocations --lang ko\n"
                   "  kg query agreements -p org=naver-cloud -f csv\n"
                   "  kg query -e 'SELECT ?party WHERE { kg:mou-ai-ran kgo:party ?party }'\n"
                   "\n"
                   "매개변수 값과 ?lang은 WHERE 절 안의 VALUES 행에 RDF 항으로 묶입니다: 이름 있는 질의는 자기\n"
                   "기본값 행에서 받고, 다른 질의에는 그런 행이 맨 앞에 하나 들어갑니다. WHERE 절의 패턴과 FILTER는\n"
                   "그 값을 보지만, 중첩된 그룹 안의 FILTER는 보지 못합니다 (queries/README.md 참고).\n"
                   "\n"
                   "질의는 최대 --timeout초 동안 실행되고 --max-rows행까지 남깁니다; --allow-remote 없이는 다른 "
                   "서버\n"
                   "(SERVICE, FROM <다른 곳>)에 닿을 수 없고, SPARQL Update는 언제나 거부됩니다."),
    "help query --allow-remote": ("Let a query use SERVICE, or FROM a graph the dataset does not have (the engine "
                                  "then sends requests to those URLs). Updates are refused regardless.",
                                  "질의가 SERVICE를 쓰거나, 데이터셋에 없는 그래프를 FROM으로 부르도록 허용합니다 "
                                  "(그러면 엔진이 그 URL로 요청을 보냄). 갱신은 어떤 경우에도 거부됩니다."),
    "help query --excel": ("Start CSV or TSV with a UTF-8 byte order mark, so Excel on Windows shows Hangul intact.",
                           "CSV나 TSV를 UTF-8 바이트 순서 표시로 시작해, Windows의 Excel에서 한글이 깨지지 않게 "
                           "합니다."),
    "help query --expression": ("Run this SPARQL query; the prefixes kg: kgo: rdfs: prov: schema: org: skos: xsd: "
                                "dcterms: are predeclared.",
                                "이 SPARQL 질의를 실행합니다; 접두어 kg: kgo: rdfs: prov: schema: org: skos: xsd: "
                                "dcterms:는 미리 선언되어 있습니다."),
    "help query --file": ("Run the SPARQL query in this file.", "이 파일의 SPARQL 질의를 실행합니다."),
    "help query --format": ("An aligned table, the W3C SPARQL result formats for scripts, or Turtle for "
                            "CONSTRUCT/DESCRIBE.",
                            "정렬된 표, 스크립트용 W3C SPARQL 결과 형식, 또는 CONSTRUCT/DESCRIBE에는 Turtle."),
    "help query --lang": ("Labels in English or Korean (binds ?lang).", "레이블을 영어나 한국어로 (?lang에 묶임)."),
    "help query --max-memory": ("Memory the query may take, such as 512M or 4G (0: no limit).",
                                "질의가 쓸 수 있는 메모리, 예: 512M, 4G (0: 제한 없음)."),
    "help query --max-rows": ("Keep at most N rows (or triples) of the answer, and say so on stderr (0: all).",
                              "답의 행(또는 트리플)을 최대 N개 남기고, 그랬다고 표준 오류에 알립니다 (0: 전부)."),
    "help query --param": ("Bind ?NAME to VALUE: an entity id (naver-cloud, kg:naver-cloud, a full IRI), a number or "
                           "\"text\". Repeat for more.",
                           "?NAME을 VALUE에 묶습니다: 항목 id (naver-cloud, kg:naver-cloud, 전체 IRI), 수, 또는 "
                           "\"텍스트\". 여럿이면 반복."),
    "help query --timeout": ("Stop the query after this many seconds (0: no limit).",
                             "질의를 이 초만큼 뒤에 멈춥니다 (0: 제한 없음)."),
    "help schema": ("The graph's vocabulary: classes, properties and controlled values with English and Korean "
                    "labels,\n"
                    "comments and how many things in the graph use each, and example queries.",
                    "그래프의 어휘: 클래스, 속성, 통제 값을 영어·한국어 레이블, 설명, 그래프에서 각각을 쓰는\n"
                    "항목 수와 함께, 그리고 예시 질의."),
    "help serve": ("A read-only SPARQL 1.1 endpoint with a query page, on 127.0.0.1 by default (Ctrl-C stops it).",
                   "질의 페이지가 있는 읽기 전용 SPARQL 1.1 엔드포인트, 기본으로 127.0.0.1에서 (Ctrl-C로 멈춤)."),
    "help serve --cors": ("Let web pages on ORIGIN (such as http://localhost:3000) query the endpoint from a "
                          "browser; repeat for more, '*' for any page (warned about). Off by default.",
                          "ORIGIN의 웹 페이지(예: http://localhost:3000)가 브라우저에서 엔드포인트에 질의하게 "
                          "합니다; 여럿이면 반복, 모든 페이지는 '*' (경고가 나옴). 기본은 꺼짐."),
    "help serve --host": ("Address to listen on; anything but loopback makes the endpoint reachable from other "
                          "machines.",
                          "들을 주소; 루프백이 아니면 다른 기계에서도 엔드포인트에 닿을 수 있습니다."),
    "help serve --max-memory": ("Memory each query may take, such as 512M or 2G (0: no limit).",
                                "질의마다 쓸 수 있는 메모리, 예: 512M, 2G (0: 제한 없음)."),
    "help serve --public-url": ("The endpoint's URL as clients reach it behind a proxy, named in the Service "
                                "Description (default: the host the client asked for, /query).",
                                "프록시 뒤에서 클라이언트가 닿는 엔드포인트의 URL, 서비스 설명(SD)에 적힘 (기본값: "
                                "클라이언트가 요청한 호스트의 /query)."),
    "help serve --store": ("memory (the seeds, default) or oxigraph:PATH (env KG_STORE).",
                           "memory (시드, 기본값) 또는 oxigraph:PATH (환경 변수 KG_STORE)."),
    "help serve --timeout": ("Seconds a query may run, queued or running, before it is stopped with HTTP 503.",
                             "질의가 대기 중이든 실행 중이든 이 초만큼 지나면 HTTP 503으로 멈춥니다."),
    "help sources": ("The source registry: each article with its publisher, date, title and how many facts it "
                     "supports.",
                     "출처 등록부: 기사마다 발행처, 날짜, 제목, 그리고 뒷받침하는 사실 수."),
    "help stats": ("Counts, the most central organisations (degree, betweenness) and the clusters of the network.",
                   "네트워크의 개수, 가장 중심적인 조직(연결 차수, 매개 중심성), 그리고 군집."),
    "help stats --top": ("How many to rank.", "순위에 올릴 수."),
    "help validate": ("Check the graph against the SHACL shapes and print a readable report.",
                      "그래프를 SHACL 형태 규칙으로 검사하고 읽기 쉬운 보고서를 출력합니다."),
    "help view": ("Write the who-partners-with-whom network as an interactive HTML page that works offline; "
                  "--status,\n"
                  "--since and --until set the page's status and date filters it opens with (the reader can change "
                  "them).",
                  "누가 누구와 협력하는지의 네트워크를 오프라인에서 작동하는 대화형 HTML 페이지로 씁니다; --status,\n"
                  "--since, --until은 페이지가 처음 열릴 때의 상태·날짜 필터를 정합니다 (읽는 사람이 바꿀 수 있음)."),
    "help view --depth": ("Links from --focus to show.", "--focus에서 보여 줄 연결 단계 수."),
    "help view --focus": ("Show only this organisation's neighbourhood (id or label).",
                          "이 조직의 이웃만 보여 줍니다 (id 또는 레이블)."),
    "help view --output": ("The HTML file to write (atomically).", "쓸 HTML 파일 (원자적으로)."),
    "help --avoid": ("Leave this node out, such as a hub everyone deals with (--avoid nvidia). Repeat for more.",
                     "이 노드를 뺍니다. 모두가 거래하는 허브 같은 곳 (--avoid nvidia). 여럿이면 반복."),
    "help --graph": ("Read this RDF file (such as out/graph.nq from `kg build`) instead of the seeds.",
                     "시드 대신 이 RDF 파일(예: `kg build`가 쓴 out/graph.nq)을 읽습니다."),
    "help --hubs": ("A node per agreement with three or more parties, instead of a clique.",
                    "세 당사자 이상의 협약마다 노드 하나를 둡니다 (완전 연결 대신)."),
    "help --include": ("Also show people, products, projects as nodes (comma-separated).",
                       "사람, 제품, 프로젝트도 노드로 보여 줍니다 (쉼표로 구분)."),
    "help --kind": ("Only these relation kinds: mou, joint-venture, joint-research, cooperation, supply, membership, "
                    "gpu-allocation, investment (and position, project, product with --include).",
                    "이 관계 종류만: mou, joint-venture, joint-research, cooperation, supply, membership, "
                    "gpu-allocation, investment (--include와 함께라면 position, project, product도)."),
    "help --lang label language": ("Label language.", "레이블 언어."),
    "help --lang labels": ("Labels in English or Korean.", "레이블을 영어나 한국어로."),
    "help --lang messages": ("Language of the messages and the summary.", "메시지와 요약의 언어."),
    "help queries --lang": ("Titles and parameter descriptions in English or Korean.",
                            "제목과 매개변수 설명을 영어나 한국어로."),
    "help --seeds": ("Folder of seed files (env KG_SEEDS).", "시드 파일 폴더 (환경 변수 KG_SEEDS)."),
    "help --signed-only": ("Only signed agreements: --status signed.", "서명된 협약만: --status signed."),
    "help --since": ("Only relations dated DATE (YYYY, YYYY-MM or YYYY-MM-DD) or later: the agreement's date, else "
                     "the first report of it.",
                     "DATE(YYYY, YYYY-MM, YYYY-MM-DD) 이후 날짜의 관계만: 협약 날짜, 없으면 처음 보도된 날짜."),
    "help --source": ("Only the facts this source states.", "이 출처가 말하는 사실만."),
    "help --status": ("Only relations with one of these statuses, such as signed,agreed (relations without a status "
                      "are left out).",
                      "이 상태 중 하나인 관계만, 예: signed,agreed (상태가 없는 관계는 빠짐)."),
    "help --store": ("Where the graph is: memory (built from the seeds, default), rdflib, oxigraph:PATH or "
                     "sparql:URL (env KG_STORE).",
                     "그래프가 있는 곳: memory (시드에서 만듦, 기본값), rdflib, oxigraph:PATH 또는 sparql:URL (환경 "
                     "변수 KG_STORE)."),
    "help --until": ("Only relations dated DATE or earlier.", "DATE 이전 날짜의 관계만."),
    "help --version": ("Show the version and exit.", "버전을 보여 주고 끝냅니다."),
    # kg stats
    "stats network": ("Network: {nodes} node{nodes:s}, {links} link{links:s} from {facts} fact{facts:s}",
                      "네트워크: 노드 {nodes}개, 연결 {links}개 (사실 {facts}건)"),
    "stats hubs": (" (hubs for multi-party facts)", " (다자 사실은 허브 노드로)"),
    "stats nodes by type": ("  nodes by type:  ", "  유형별 노드:  "),
    "stats facts by kind": ("  facts by kind:  ", "  종류별 사실:  "),
    "stats links by kind": ("  links by kind:  ", "  종류별 연결:  "),
    "stats most partners": ("Most partners (degree: distinct partners, relations):",
                            "파트너가 가장 많은 곳 (연결 차수: 서로 다른 파트너 수, 관계 수):"),
    "stats partners": ("{deg} partner{deg:s}, {rels} relation{rels:s}", "파트너 {deg}곳, 관계 {rels}개"),
    "stats sampled": (", estimated from {n} sampled nodes", ", 표본 노드 {n}개로 추정"),
    "stats betweenness": ("Most central as a go-between (betweenness centrality{note}):",
                          "중개 역할이 가장 큰 곳 (매개 중심성{note}):"),
    "stats clusters": ("Clusters (greedy modularity): {n}", "군집 (탐욕적 모듈성): {n}개"),
    "stats more": (", … and {n} more", ", … 외 {n}곳"),
    # kg neighbors, kg path (and the map, where it says the same)
    "partner": ("{n} partner", "파트너 {n}곳"),
    "partners": ("{n} partners", "파트너 {n}곳"),
    "relation": ("{n} relation", "관계 {n}개"),
    "relations": ("{n} relations", "관계 {n}개"),
    "source": ("source: ", "출처: "),
    "products": ("products: ", "제품: "),
    "topics": ("topics: ", "주제: "),
    "para": (" (para {p})", " ({p}번째 문단)"),
    "via": (" ({role}, via {kind} {fact})", " ({role}, {kind} {fact} 경유)"),
    "this link": (" (this link)", " (이 연결)"),
    "total": ("total: ", "총량: "),
    "shares": ("shares: ", "배분: "),
    "no chain": ("No chain of partnerships connects {a} and {b}.", "{a}와(과) {b}를 잇는 파트너십 연결이 없음."),
    "chains": ("{a} → {b}: {n} shortest chain{s} of {k} link{ks}", "{a} → {b}: 링크 {k}개짜리 최단 경로 {n}개"),
    # findings of kg conflicts attached to a relation (kg path, kg neighbors, the map's tooltip)
    "conflict head contradiction": ("⚠ Sources contradict each other", "⚠ 출처끼리 모순"),
    "conflict head consistent": ("≈ Sources agree, worded differently", "≈ 표현만 다르고 서로 맞음"),
    "conflict head sum": ("⚠ The shares cannot add up to the total", "⚠ 배분 합계가 총량과 맞을 수 없음"),
    # kg explain
    "also": ("also: ", "다른 이름: "),
    "explain partners": ("{n} partner{s} (relations): ", "파트너 {n}곳 (관계 수): "),
    "as role": (" [as {role}]", " [역할: {role}]"),
    "facts cite": ("{n} fact{n:s} cite{n:v} {source}", "{source}를 인용하는 사실 {n}개"),
    "inference": ("curator's inference (큐레이터 추론)", "큐레이터 추론"),
    "inference head": ("curator's inference", "큐레이터 추론"),
    "note": ("{note}", "메모(원문): {note}"),   # a curator's note not in Korean, shown as written
    "unknown publisher": ("unknown publisher", "출처 불명"),
    "para list": ("para {p}", "{p}번째 문단"),
    # kg sources
    "sources line": ("{id}  {date}  {publisher}  {n} fact{n:s}", "{id}  {date}  {publisher}  사실 {n}건"),
    "unattributed": ("unattributed", "출처 불명"),
    # kg view, kg network
    "view wrote": ("Wrote {path} ({nodes} nodes, {links} links, {size} bytes); open it in a browser, no network "
                   "needed", "{path} 파일을 썼습니다 (노드 {nodes}개, 링크 {links}개, {size}바이트) — 브라우저로 "
                   "여세요, 네트워크 연결은 필요 없습니다"),
    "network wrote": ("Wrote {files} ({fmt}, {nodes} nodes, {links} links)",
                      "{files} 파일을 썼습니다 ({fmt}, 노드 {nodes}개, 링크 {links}개)"),
    # lists
    "list sep": (", ", ", "),
    "list or": (" or ", ", "),
    "phrase sep": (", ", "·"),
    "phrase or": (" or ", "·"),
    # names, kinds and sources that name nothing (kg/network.py, kg/lookup.py, kg/provenance.py, kg explain)
    "name ambiguous": ("{name} could be any of: {options} — give the id",
                       "{name}: 여러 노드와 맞습니다: {options} — id를 지정하세요"),
    "name nearest": ("nearest: {names}", "가장 가까운 이름: {names}"),
    "name spelling": ("check the spelling, or list the organisations with `kg stats`",
                      "철자를 확인하거나 `kg stats`로 조직 목록을 보세요"),
    "name none": ("no organisation called {name} in the network — {hint}",
                  "네트워크에 {name}(이)라는 조직이 없습니다 — {hint}"),
    "same node": ("{a} and {b} are the same node ({node})", "{a}와(과) {b}는 같은 노드입니다 ({node})"),
    "unknown kind": ("unknown relation kind {kinds} — choose from: {choices}",
                     "알 수 없는 관계 종류 {kinds} — 다음 중에서 고르세요: {choices}"),
    "unknown include": ("cannot include {names} — choose from: {choices}",
                        "--include에 쓸 수 없는 값 {names} — 다음 중에서 고르세요: {choices}"),
    "kinds need include": ("relation kind {problems}", "관계 종류 {problems}"),
    "kind needs include": ("'{kind}' needs --include {needs}", "'{kind}'에는 --include {needs}가 필요합니다"),
    "unknown network source": ("unknown source {source}{suggest} — the sources are: {sources}",
                               "알 수 없는 출처 {source}{suggest} — 출처 목록: {sources}"),
    "did you mean quoted": (" (did you mean {names}?)", " ({names} 중 하나인가요?)"),
    "did you mean": ("did you mean {names}?", "{names} 중 하나인가요?"),
    "entity ambiguous": ("'{text}' names several entities: {ids} — give the id",
                         "'{text}'에 맞는 항목이 여럿입니다: {ids} — id를 지정하세요"),
    "entity spelling": ("check the spelling; kg entities PART finds the entities whose names contain PART (kg "
                        "entities alone lists them all)",
                        "철자를 확인하세요; kg entities 일부를 실행하면 이름에 그 일부가 든 항목을 찾습니다 (kg "
                        "entities만 실행하면 모두 나열)"),
    "entity unknown": ("unknown entity '{text}' — {hint}", "알 수 없는 항목 '{text}' — {hint}"),
    # seed-file problems (kg/seeds.py, kg/fieldkinds.py, kg/model.py) and kg build's summary
    "seed problems found": ("{n} problem{n:s} found; nothing was written.",
                            "문제 {n}건을 찾았습니다. 아무것도 쓰지 않았습니다."),
    "seed noun source": ("source", "출처"),
    "seed noun entity": ("entity", "항목"),
    "seed noun fact": ("fact", "사실"),
    "seed cut value": ("{text}… ({n:,} characters)", "{text}… ({n:,}자)"),
    "seed did you mean": ("did you mean '{name}'?", "혹시 '{name}'인가요?"),
    "seed use one of": ("use one of: {names}", "다음 중 하나를 쓰세요: {names}"),
    "seed write example": ("write {example}", "{example}처럼 쓰세요"),
    # reading a file (kg/seeds.py read_inside, read_yaml)
    "seed folder": ("seed folder", "시드 폴더"),
    "seed texts folder": ("texts folder", "텍스트 폴더"),
    "seed a seed file": ("a seed file", "시드 파일"),
    "seed an article text": ("an article text", "기사 텍스트"),
    "seed bytes": ("{n:,}-byte", "{n:,}바이트"),
    "seed link loop": ("is a link that cannot be followed (a loop of links?)",
                       "따라갈 수 없는 링크입니다 (링크가 돌고 도나요?)"),
    "seed link replace": ("replace it by the file itself", "링크 대신 파일 자체를 두세요"),
    "seed link outside": ("is a link to a place outside the {folder}", "{folder} 밖을 가리키는 링크입니다"),
    "seed link copy": ("copy the file into the {folder} instead of linking to it",
                       "링크하지 말고 파일을 {folder}에 복사하세요"),
    "seed fifo": ("a named pipe (FIFO)", "이름 있는 파이프(FIFO)"),
    "seed device": ("a device", "장치"),
    "seed a folder": ("a folder", "폴더"),
    "seed socket": ("a socket", "소켓"),
    "seed special file": ("a special file", "특수 파일"),
    "seed not regular": ("is {what}, not a regular file", "일반 파일이 아니라 {what}입니다"),
    "seed plain file": ("point it at a plain text file", "일반 텍스트 파일을 가리키게 하세요"),
    "seed over limit size": ("is {size} MiB, over the {limit} limit for {kind}",
                             "{size} MiB로, {kind}의 한도 {limit}{limit:을} 넘습니다"),
    "seed over limit": ("is over the {limit} limit for {kind}", "{kind}의 한도 {limit}{limit:을} 넘습니다"),
    "seed split": ("split it into several files under seeds/facts/", "seeds/facts/ 아래 여러 파일로 나누세요"),
    "seed check file": ("check that 'file' names the article's text file",
                        "'file'이 기사의 텍스트 파일 이름인지 확인하세요"),
    "seed the file": ("the file {what}", "파일이 {what}"),
    "seed cannot read": ("cannot read the file ({reason})", "파일을 읽을 수 없습니다 ({reason})"),
    "seed check path": ("check the path and permissions", "경로와 권한을 확인하세요"),
    "seed not utf8": ("the file is not valid UTF-8 (byte 0x{byte})",
                      "파일이 올바른 UTF-8이 아닙니다 (바이트 0x{byte})"),
    "seed save utf8": ("save it as UTF-8", "UTF-8로 저장하세요"),
    "seed empty": ("the file is empty", "파일이 비어 있습니다"),
    "seed see readme": ("see seeds/README.md for what it should hold",
                        "무엇을 써야 하는지는 seeds/README.md를 보세요"),
    "seed nul": ("the file contains a NUL character", "파일에 NUL 문자가 있습니다"),
    "seed not text": ("it is not a text file; save it as plain UTF-8 YAML",
                      "텍스트 파일이 아닙니다. 일반 UTF-8 YAML로 저장하세요"),
    "seed yaml error": ("YAML error: {what}", "YAML 오류: {what}"),
    "seed yaml fix": ("fix the YAML syntax (indentation, quotes, colons)",
                      "YAML 문법을 고치세요 (들여쓰기, 따옴표, 쌍점)"),
    "seed yaml fix short": ("fix the YAML syntax", "YAML 문법을 고치세요"),
    "seed yaml anchors": ("YAML anchors and aliases (&name, *name) are not allowed in seed files",
                          "시드 파일에는 YAML 앵커와 별칭(&name, *name)을 쓸 수 없습니다"),
    "seed write in full": ("write each value out in full", "값마다 전부 풀어 쓰세요"),
    "seed key plain": ("a mapping key must be a plain value", "매핑의 키는 단순한 값이어야 합니다"),
    "seed digits": ("a number of {n:,} digits, far too long for a figure",
                    "{n:,}자리 숫자 — 수치로 보기에는 너무 깁니다"),
    "seed extra digits": ("check for extra digits", "숫자가 더 붙지 않았는지 확인하세요"),
    "seed yaml tag": ("the YAML tag {tag} is not allowed in seed files",
                      "시드 파일에는 YAML 태그 {tag}{tag:을} 쓸 수 없습니다"),
    "seed no tags": ("write plain values, without '!' tags", "'!' 태그 없이 단순한 값을 쓰세요"),
    "seed control file": ("the file contains a control character (#x{code}), which YAML does not allow",
                          "파일에 YAML이 허용하지 않는 제어 문자(#x{code})가 있습니다"),
    "seed control remove escape": ("remove it, or write it as an escape in a double-quoted string",
                                   "지우거나, 큰따옴표 문자열 안에 이스케이프로 쓰세요"),
    "seed nested": ("YAML error: lists or mappings are nested too deeply",
                    "YAML 오류: 목록이나 매핑이 너무 깊이 중첩되어 있습니다"),
    "seed few levels": ("a seed file needs a few levels: a list of entries with their fields",
                        "시드 파일에는 몇 단계면 충분합니다: 항목의 목록과 각 항목의 필드"),
    "seed not decimal": ("{value} is not a plain decimal number", "{value}: 일반 십진수가 아닙니다"),
    "seed digits only": ("write digits only, such as 50000 (no 0x, 0o, underscores, colons or plus sign)",
                         "50000처럼 숫자만 쓰세요 (0x, 0o, 밑줄, 쌍점, 더하기 기호 없이)"),
    "seed control text": ("the text contains the control character {char}", "텍스트에 제어 문자가 있습니다: {char}"),
    "seed control remove": ("remove it (a line break is a new line in a | block, or \\n in double quotes)",
                            "지우세요 (줄바꿈은 | 블록에서는 새 줄로, 큰따옴표 안에서는 \\n으로 씁니다)"),
    "seed text long": ("a text of {n:,} characters, over the {limit:,}-character limit for one value",
                       "텍스트가 {n:,}자로, 값 하나의 한도 {limit:,}자를 넘습니다"),
    "seed shorten": ("shorten it: notes are a few sentences in your own words",
                     "줄이세요: 메모는 자기 말로 쓴 몇 문장입니다"),
    "seed file control": ("contains a control character or line break", "제어 문자나 줄바꿈이 있습니다"),
    "seed file absolute": ("is an absolute path", "절대 경로입니다"),
    "seed file dotdot": ("goes out of its folder with '..'", "'..'로 폴더 밖으로 나갑니다"),
    # the files' structure, ids and fields (kg/seeds.py)
    "seed top mapping": ("expected a mapping with a '{top}:' list at the top",
                         "맨 위에 '{top}:' 목록이 있는 매핑이어야 합니다"),
    "seed see readme short": ("see seeds/README.md", "seeds/README.md를 보세요"),
    "seed missing list": ("missing the '{top}:' list", "'{top}:' 목록이 없습니다"),
    "seed add list": ("add '{top}:' followed by entries", "'{top}:' 줄을 쓰고 그 아래에 항목을 쓰세요"),
    "seed not list": ("'{top}' must be a list of entries", "'{top}'에는 항목의 목록을 써야 합니다"),
    "seed start dash": ("start each entry with '- '", "항목마다 '- '로 시작하세요"),
    "seed entry mapping": ("each entry of '{top}' must be a mapping of fields",
                           "'{top}'의 항목은 각각 필드의 매핑이어야 합니다"),
    "seed field value": ("write 'field: value' lines", "'필드: 값' 줄로 쓰세요"),
    "seed field twice": ("field {field} is given twice", "{field} 필드가 두 번 나옵니다"),
    "seed keep one": ("keep one", "하나만 남기세요"),
    "seed unknown field": ("unknown field {field}", "알 수 없는 필드 {field}"),
    "seed allowed here": ("allowed here: {names}", "여기에 쓸 수 있는 필드: {names}"),
    "seed no id": ("{what:a} has no 'id'", "{what}에 'id'가 없습니다"),
    "seed add id": ("add a stable id such as 'naver-cloud'", "'naver-cloud'처럼 바뀌지 않을 id를 쓰세요"),
    "seed bad id": ("bad id {value}", "잘못된 id {value}"),
    "seed id form": ("ids are lower-case ASCII words joined by hyphens, such as 'naver-cloud', at most {n} characters",
                     "id는 'naver-cloud'처럼 소문자 ASCII 단어를 하이픈으로 이은 것이며, {n}자를 넘을 수 없습니다"),
    "seed para bad": ("'para' must be a paragraph number or a list of them, not {value}",
                      "'para'에는 문단 번호나 그 목록을 써야 합니다 (받은 값: {value})"),
    "seed para line": ("give the 1-based line number of the paragraph in the article's text file",
                       "기사 텍스트 파일에서 그 문단의 줄 번호(1부터 셈)를 쓰세요"),
    "seed missing field": ("{what} '{id}' has no '{name}'", "{what} '{id}'에 '{name}' 필드가 없습니다"),
    "seed add field": ("add '{name}:'", "'{name}:' 줄을 추가하세요"),
    "seed duplicate id": ("duplicate id '{id}' (already used for {what:a} at {file}:{line})",
                          "중복된 id '{id}' ({file}:{line}의 {what}에 이미 쓰임)"),
    "seed another id": ("give one of them another id", "둘 중 하나에 다른 id를 주세요"),
    "seed cite list": ("'cite' must be a list of {entries} entries", "'cite'에는 {entries} 항목의 목록을 써야 합니다"),
    "seed cite mapping": ("each 'cite' entry must be a mapping", "'cite'의 항목은 각각 매핑이어야 합니다"),
    "seed cite unknown source": ("unknown source {value} in 'cite'", "'cite'에 알 수 없는 출처 {value}"),
    "seed add to sources": ("add it to sources.yaml", "sources.yaml에 추가하세요"),
    "seed cite no para": ("a 'cite' entry needs 'para'", "'cite' 항목에 'para' 필드가 필요합니다"),
    "seed give para": ("give the paragraph number", "문단 번호를 쓰세요"),
    "seed no folder": ("the seed folder does not exist", "시드 폴더가 없습니다"),
    "seed run from": ("run from the project folder or pass --seeds DIR",
                      "프로젝트 폴더에서 실행하거나 --seeds DIR을 주세요"),
    "seed no fact files": ("no fact files found", "사실 파일이 없습니다"),
    "seed add fact files": ("add facts/<source-id>.yaml files", "facts/<source-id>.yaml 파일을 추가하세요"),
    "seed duplicate source": ("duplicate source id '{id}'", "중복된 출처 id '{id}'"),
    "seed own id": ("give each source its own id", "출처마다 다른 id를 주세요"),
    "seed unknown type": ("unknown entity type {value}", "알 수 없는 항목 유형 {value}"),
    "seed missing source": ("missing 'source:'", "'source:' 줄이 없습니다"),
    "seed name source": ("name the source these facts come from, e.g. 'source: news1-20251031'",
                         "이 사실들의 출처를 쓰세요 (예: 'source: news1-20251031')"),
    "seed unknown source": ("unknown source {value}", "알 수 없는 출처 {value}"),
    "seed add source first": ("add it to sources.yaml first", "먼저 sources.yaml에 추가하세요"),
    "seed unknown kind": ("unknown fact kind {value}", "알 수 없는 사실 종류 {value}"),
    "seed file field": ("'file' {name} {what}", "'file' 필드 {name}: {what}"),
    "seed texts name": ("give the name of the article's text file inside the 'texts:' folder, such as "
                        "000_7d6b3ad1cd202c67.txt",
                        "'texts:' 폴더 안에 있는 기사 텍스트 파일의 이름을 쓰세요 (예: 000_7d6b3ad1cd202c67.txt)"),
    "seed not for type": ("'{name}' does not apply to {kind:a}", "'{name}' 필드는 {kind}에 쓰지 않습니다"),
    "seed only types": ("only {types} entities take it", "{types} 항목에만 씁니다"),
    "seed needs note": ("fact '{id}' needs a 'note'", "사실 '{id}'에 'note' 필드가 필요합니다"),
    "seed add note": ("add a short note in your own words", "자기 말로 짧은 메모를 쓰세요"),
    "seed no para": ("fact '{id}' has no 'para'", "사실 '{id}'에 'para' 필드가 없습니다"),
    "seed give para line": ("give the paragraph (line) number in the article it comes from",
                            "그 사실이 나온 기사의 문단(줄) 번호를 쓰세요"),
    "seed inferred map": ("'inferred' must map field names to reasons",
                          "'inferred'에는 필드 이름마다 그 이유를 짝지어 써야 합니다"),
    "seed inferred field": ("'inferred' names {field}, which fact '{id}' does not give",
                            "'inferred'의 {field}: 사실 '{id}'에 없는 필드입니다"),
    "seed name given field": ("name a field this fact gives", "이 사실에 있는 필드를 쓰세요"),
    "seed needs currency": ("an amount needs a 'currency'", "금액(amount)에는 'currency' 필드가 필요합니다"),
    "seed add currency": ("add currency: USD (or KRW, …)", "currency: USD (또는 KRW 등) 줄을 추가하세요"),
    "seed no amount": ("{kind} '{id}' states no amount", "{kind} '{id}'에 금액이 없습니다"),
    "seed add amount": ("add amount + currency, or amount_text when the source gives none",
                        "amount와 currency를 쓰거나, 출처가 금액을 밝히지 않으면 amount_text를 쓰세요"),
    "seed two parties": ("{kind} '{id}' needs at least two parties", "{kind} '{id}'에는 당사자가 둘 이상 필요합니다"),
    "seed list parties": ("list every party", "당사자를 모두 쓰세요"),
    "seed cite unknown fact": ("'cite' names unknown fact {value}", "'cite'에 알 수 없는 사실 {value}"),
    "seed fact id": ("use the id of a fact defined in seeds/facts/", "seeds/facts/에 정의된 사실의 id를 쓰세요"),
    "seed citation note": ("citation of '{id}' needs a 'note'", "'{id}' 인용에 'note' 필드가 필요합니다"),
    "seed citation para": ("citation of '{id}' has no 'para'", "'{id}' 인용에 'para' 필드가 없습니다"),
    "seed cited twice": ("'{id}' cites source '{source}' twice (also at {file}:{line})",
                         "'{id}'에서 출처 '{source}' 인용이 두 번 나옵니다 ({file}:{line}에도 있음)"),
    "seed merge citations": ("merge the paragraphs into one citation: para: [10, 13]",
                             "문단을 인용 하나로 합치세요: para: [10, 13]"),
    "seed texts missing": ("{file}:{line}: the texts folder {folder} is not there, so {total} cited "
                           "paragraph{total:s} of {n} article{n:s} are not checked — put the article texts there, or "
                           "correct 'texts:'",
                           "{file}:{line}: 텍스트 폴더 {folder}{folder:이} 없어 기사 {n}건의 인용 문단 "
                           "{total}개를 확인하지 않았습니다 — 기사 텍스트를 그곳에 두거나 'texts:'를 고치세요"),
    "seed texts unchecked": ("  {id}: para {paras}", "  {id}: 문단 {paras}"),
    "seed para more": ("{paras} and {n} more", "{paras} 외 {n}개"),
    "seed entity suggest": ("add it to seeds/entities.yaml, or check the spelling",
                            "seeds/entities.yaml에 추가하거나 철자를 확인하세요"),
    "seed part_of loop": ("'part_of' of '{id}' loops back to itself",
                          "'{id}'의 'part_of'가 자기 자신으로 되돌아옵니다"),
    "seed larger allocation": ("a share must point to a larger allocation", "배분은 더 큰 할당을 가리켜야 합니다"),
    "seed no article": ("no such article text in {folder}", "{folder}에 그런 기사 텍스트가 없습니다"),
    "seed unreadable": ("cannot be read ({reason})", "읽을 수 없습니다 ({reason})"),
    "seed paras unchecked": ("{n} cited paragraph{n:s} ({paras}) cannot be checked",
                             "인용 문단 {n}개({paras})를 확인할 수 없습니다"),
    "seed file missing": ("'file' {name}: {why}; {unchecked}", "'file' 필드 {name}: {why}; {unchecked}"),
    "seed put text": ("put the article's text file there, or correct the file name",
                      "기사 텍스트 파일을 그곳에 두거나 파일 이름을 고치세요"),
    "seed past end": ("'{id}' cites paragraph {p} of '{source}', which is past the end of the article",
                      "'{id}'에서 인용한 '{source}'의 {p}번째 문단은 기사 끝을 넘습니다"),
    "seed blank line": ("'{id}' cites paragraph {p} of '{source}', which is a blank line",
                        "'{id}'에서 인용한 '{source}'의 {p}번째 문단은 빈 줄입니다"),
    "seed cat n": ("use the line number shown by `cat -n` on the article's text file",
                   "기사 텍스트 파일에 `cat -n`을 실행하면 나오는 줄 번호를 쓰세요"),
    # a field's value (kg/fieldkinds.py)
    "seed not entity id": ("'{name}' must be an entity id, not {value}",
                           "'{name}'에는 항목 id를 써야 합니다 (받은 값: {value})"),
    "seed write id": ("write the id, such as 'nvidia'", "'nvidia'처럼 id를 쓰세요"),
    "seed points to fact": ("'{name}' points to fact '{value}', but needs an entity",
                            "'{name}' 필드가 사실 '{value}'{value:을} 가리킵니다. 항목을 가리켜야 합니다"),
    "seed use entity id": ("use an id from entities.yaml", "entities.yaml에 있는 id를 쓰세요"),
    "seed unknown entity": ("unknown entity {value} in '{name}'", "'{name}'에 알 수 없는 항목 {value}"),
    "seed wrong type": ("'{name}' must be {types:a}, but '{value}' is {kind:a}",
                        "'{name}'에는 {types} 유형이 와야 하는데 '{value}'의 유형은 {kind}입니다"),
    "seed right type": ("use an entity of the right type, or fix the type of '{value}' in entities.yaml",
                        "맞는 유형의 항목을 쓰거나, entities.yaml에서 '{value}'의 유형을 고치세요"),
    "seed empty list": ("'{name}' is an empty list", "'{name}' 목록이 비어 있습니다"),
    "seed at least one": ("list at least one id, or remove the field", "id를 하나 이상 쓰거나 필드를 지우세요"),
    "seed same id twice": ("'{name}' lists the same id twice", "'{name}' 목록에 같은 id가 두 번 있습니다"),
    "seed each id once": ("list each id once", "id마다 한 번만 쓰세요"),
    "seed unknown fact": ("unknown fact {value} in '{name}'", "'{name}'에 알 수 없는 사실 {value}"),
    "seed wrong fact kind": ("'{name}' must point to {kinds:a} fact, but '{value}' is {kind:a}",
                             "'{name}'은(는) {kinds} 사실을 가리켜야 하는데 '{value}'의 종류는 {kind}입니다"),
    "seed right fact": ("point to the right fact", "맞는 사실을 가리키세요"),
    "seed whole number": ("'{name}' must be a whole number, not {value}",
                          "'{name}'에는 정수를 써야 합니다 (받은 값: {value})"),
    "seed digits no units": ("write digits only, such as 50000 (no units, commas or words)",
                             "50000처럼 숫자만 쓰세요 (단위, 쉼표, 글자 없이)"),
    "seed positive": ("'{name}' must be positive, not {value}", "'{name}'에는 양수를 써야 합니다 (받은 값: {value})"),
    "seed positive figure": ("write the figure as a positive number", "수치를 양수로 쓰세요"),
    "seed over maximum": ("'{name}' is {value}, more than the plausible maximum {maximum}",
                          "'{name}' 값 {value}: 있을 법한 최댓값 {maximum}보다 큽니다"),
    "seed extra zeros": ("check for extra zeros", "0이 더 붙지 않았는지 확인하세요"),
    "seed year": ("'{name}' must be a year such as 2030, not {value}",
                  "'{name}'에는 2030 같은 연도를 써야 합니다 (받은 값: {value})"),
    "seed four digits": ("write four digits", "네 자리 숫자로 쓰세요"),
    "seed number": ("'{name}' must be a number, not {value}", "'{name}'에는 숫자를 써야 합니다 (받은 값: {value})"),
    "seed write digits": ("write digits, such as 3000000000 for 3 billion", "30억이면 3000000000처럼 숫자로 쓰세요"),
    "seed amount range": ("'{name}' must be positive and at most {limit}, not {value}",
                          "'{name}'에는 {limit} 이하의 양수를 써야 합니다 (받은 값: {value})"),
    "seed check figure": ("check the figure", "수치를 확인하세요"),
    "seed pattern": ("'{name}' must be {what}, not {value}",
                     "'{name}'에는 {what}{what:을} 써야 합니다 (받은 값: {value})"),
    "seed currency code": ("an ISO 4217 code such as USD or KRW", "USD나 KRW 같은 ISO 4217 코드"),
    "seed three capitals": ("write three capital letters", "대문자 세 글자로 쓰세요"),
    "seed language code": ("a language code such as ko or en", "ko나 en 같은 언어 코드"),
    "seed bcp47": ("use a BCP 47 code", "BCP 47 코드를 쓰세요"),
    "seed text empty": ("'{name}' must be non-empty text, not {value}",
                        "'{name}'에는 비어 있지 않은 텍스트를 써야 합니다 (받은 값: {value})"),
    "seed short phrase": ("write a short phrase", "짧은 구절을 쓰세요"),
    "seed bad date": ("'{name}' is not a valid date: {value}", "'{name}': 올바른 날짜가 아닙니다: {value}"),
    "seed date form": ("write it as {form}, such as 2025-10-31", "2025-10-31처럼 {form} 형식으로 쓰세요"),
    "seed month form": ("YYYY-MM-DD (or YYYY-MM when only the month is known)", "YYYY-MM-DD (달만 알면 YYYY-MM)"),
    "seed unknown value": ("'{name}' has unknown value {value}", "'{name}'에 알 수 없는 값 {value}"),
    "seed labels both": ("'{name}' needs an English and a Korean label",
                         "'{name}'에는 영어 이름과 한국어 이름이 모두 있어야 합니다"),
    "seed label long": ("'{name}' is longer than {n} characters", "'{name}' 이름이 {n}자보다 깁니다"),
    "seed label name": ("keep the label to a name; put more in a description or note",
                        "이름만 쓰고, 더 할 말은 설명이나 메모에 쓰세요"),
    "seed label languages": ("'{name}' has labels in unexpected languages {langs}",
                             "'{name}'에 예상하지 못한 언어의 이름이 있습니다: {langs}"),
    "seed keep en ko": ("keep en and ko", "en과 ko만 두세요"),
    "seed aliases list": ("'{name}' must be a list of names", "'{name}'에는 이름의 목록을 써야 합니다"),
    "seed alias long": ("'{name}' has a name longer than {n} characters", "'{name}'에 {n}자보다 긴 이름이 있습니다"),
    "seed alias not description": ("an alias is another name, not a description",
                                   "별칭은 다른 이름이지 설명이 아닙니다"),
    "seed identifiers": ("'{name}' must map schemes to quoted codes",
                         "'{name}'에는 체계 이름과 따옴표로 감싼 코드를 짝지어 써야 합니다"),
    "seed money": ("'{name}' must map amount, currency and (optionally) qualifier",
                   "'{name}'에는 amount, currency와 (필요하면) qualifier를 써야 합니다"),
    "seed money currency": ("'{name}.currency' must be an ISO 4217 code such as KRW, not {value}",
                            "'{name}.currency'에는 KRW 같은 ISO 4217 코드를 써야 합니다 (받은 값: {value})"),
    # kg build and kg validate (kg/cli.py, kg/shapes.py)
    "build loaded": ("Loaded {sources} sources, {entities} entities, {facts} facts ({citations} citations) -> "
                     "{triples} triples in {graphs} graphs",
                     "출처 {sources}곳, 항목 {entities}개, 사실 {facts}건 (인용 {citations}건)을 읽음 -> "
                     "그래프 {graphs}개에 트리플 {triples}개"),
    "build entities": ("  entities: ", "  항목:     "),
    "build facts": ("  facts:    ", "  사실:     "),
    "build conforms": ("SHACL: conforms ({n} nodes checked)", "SHACL: 형상에 맞음 (노드 {n}개 검사)"),
    "build wrote": ("Wrote {path}", "{path} 파일을 썼습니다"),
    "network file": ("{path} ({size:,} bytes)", "{path} ({size:,}바이트)"),
    "export wrote": ("Wrote {path} ({fmt}, {n} bytes{created})", "{path} 파일을 썼습니다 ({fmt}, {n}바이트{created})"),
    "export created folder": ("; created the folder {folder}, which did not exist",
                              "; 없던 폴더 {folder}를 만들었습니다"),
    "build stored": ("Loaded {quads} quads into {store}", "쿼드 {quads}개를 {store}에 적재했습니다"),
    "warning": ("warning: {line}", "경고: {line}"),
    "validate conforms": ("The graph conforms to the shapes ({n} nodes checked).",
                          "그래프가 형상에 맞습니다 (노드 {n}개 검사)."),
    "validate Violation": ("Violation", "위반"),
    "validate Warning": ("Warning", "경고"),
    "validate Info": ("Info", "정보"),
    "validate value": (" [value: {value}]", " [값: {value}]"),
    "validate violations": ("{n} violation(s): the graph does not conform to ontology/shapes.ttl.",
                            "위반 {n}건: 그래프가 ontology/shapes.ttl의 형상에 맞지 않습니다."),
    # kg schema (kg/vocabulary.py)
    "schema head": ("The graph's vocabulary (ontology/kg.ttl): {c} classes, {p} properties; the counts are of this "
                    "graph",
                    "그래프의 어휘(ontology/kg.ttl): 클래스 {c}개, 속성 {p}개; 수는 이 그래프의 것입니다"),
    "schema prefixes": ("Prefixes kg query predeclares: ", "kg query에 미리 선언된 접두사: "),
    "schema classes": ("Classes (how many things are of each)", "클래스 (각각에 속한 것의 수)"),
    "schema properties": ("Properties (how many subjects use each; one value as an example)",
                          "속성 (각각을 쓰는 주어의 수; 값 하나를 예로)"),
    "schema other": ("Properties of standard vocabularies the graph uses", "그래프가 쓰는 표준 어휘의 속성"),
    "schema schemes": ("Controlled values", "통제 어휘"),
    "schema examples": ("Example queries", "쿼리 예"),
    "schema sub": ("under", "상위"),
    "schema comment": ("{comment}", "(영어) {comment}"),   # the ontology's comments are English: marked so in Korean
    "schema eg": ("e.g.", "예:"),
    "schema example companies": ("every company with its Korean name", "모든 기업과 한국어 이름"),
    "schema example mous": ("each MOU and its parties", "MOU마다 당사자"),
    "schema example allocations": ("GPU allocations: supplier, recipient, GPUs",
                                   "GPU 공급 배정: 공급자, 수령자, GPU 수"),
    "schema example sources": ("which articles state each fact", "사실마다 그것을 전하는 기사"),
    # kg entities, kg new-entity (kg/registry.py)
    "entities aliases": ("aliases: {names}", "별칭: {names}"),
    "entities cited": ("cited by {facts} fact{facts:s} from {sources} source{sources:s}",
                       "사실 {facts}건, 출처 {sources}곳에서 인용"),
    "entities not cited": ("not cited by any fact or source", "인용한 사실이나 출처 없음"),
    "entities none": ("no entity's id, label or alias matches '{name}' — {hint}",
                      "id·이름·별칭이 '{name}'에 맞는 항목이 없음 — {hint}"),
    "entities list hint": ("kg entities without a name lists them all",
                           "이름 없이 kg entities를 실행하면 모두 나열합니다"),
    "entities found": ("entities found: {n}", "찾은 항목: {n}개"),
    "new entity bad type": ("{file}: unknown entity type '{type}' — {hint}",
                            "{file}: 알 수 없는 항목 유형 '{type}' — {hint}"),
    "new entity types": ("use one of: {types}", "다음 중 하나를 쓰세요: {types}"),
    "new entity bad id": ("{file}: bad entity id '{id}' — use lower-case words joined by hyphens, such as "
                          "hanbit-semi",
                          "{file}: 잘못된 항목 id '{id}' — hanbit-semi처럼 소문자 단어를 하이픈으로 이어 쓰세요"),
    "new entity bad name": ("{file}: bad label or alias '{name}' — give one line of at most {n} characters",
                            "{file}: 잘못된 이름이나 별칭 '{name}' — {n}자 이하의 한 줄로 쓰세요"),
    "new entity taken": ("{file}:{line}: the id '{id}' is taken — choose another id, such as {free}",
                         "{file}:{line}: id '{id}'는 이미 쓰이고 있습니다 — {free}처럼 다른 id를 고르세요"),
    "new entity added": ("Added {id} ({type}) at {file}:{line}; cite it in a fact, then run kg build",
                         "{file}:{line}에 {id}({type})를 추가했습니다; 사실에서 인용한 뒤 kg build를 실행하세요"),
    "source unknown": ("unknown source '{source}' — {hint}", "알 수 없는 출처 '{source}' — {hint}"),
    "list sources": ("list the sources with kg sources", "kg sources로 출처 목록을 보세요"),
    "explain usage": ("give a NAME (id or label, English or Korean) or --source SOURCE_ID — see kg sources",
                      "NAME(id나 이름, 영어 또는 한국어)이나 --source SOURCE_ID를 주세요 — kg sources 참고"),
    # kg path, kg neighbors: a name that is not in the network asked for (kg/netfilter.py)
    "group person": ("a person", "인물"),
    "group product": ("a product", "제품"),
    "group project": ("a project", "프로젝트"),
    "group organisation": ("an organisation", "조직"),
    "group sector": ("a sector", "부문"),
    "group country": ("a country", "국가"),
    "class phrase": ("{label:a}", "{label}"),
    "another kind": ("something else", "다른 종류"),
    "needs include": ("{label} ({ident}) is {what}, and {plural} are not in the network unless asked for — add "
                      "{option}", "{label}({ident}){label:은} {what}이며, {what}{what:은} 기본 네트워크에 없습니다 — "
                      "{option} 옵션을 붙여 다시 실행하세요"),
    "not a network node": ("{label} ({ident}) is {what}, not an organisation, sector or country — see what the "
                           "graph says about it with kg explain {ident}",
                           "{label}({ident}){label:은} {what}이며, 네트워크에는 조직·부문·국가만 있습니다 — "
                           "kg explain {ident}로 내용을 보세요"),
    "kind count": ("{kind} {n}", "{label}({kind}) {n}"),
    "no link of kind": ("{label} ({ident}) has no link of kind {asked} — its links: {has}; change or drop --kind",
                        "{label}({ident})에는 {asked} 종류의 관계가 없습니다 — 있는 관계: {has}; "
                        "--kind를 바꾸거나 빼세요"),
    "no link in source": ("{label} ({ident}) has no link stated by source {source} — it has links in other "
                          "sources; change or drop --source",
                          "{label}({ident})에는 출처 {source}의 관계가 없습니다 — 다른 출처의 관계는 있습니다; "
                          "--source를 바꾸거나 빼세요"),
    "no link": ("{label} ({ident}) has no partnership link in the graph — see what the graph says about it with "
                "kg explain {ident}", "{label}({ident})에는 그래프의 어떤 파트너십 관계도 없습니다 — kg explain "
                "{ident}로 이 항목에 대한 내용을 보세요"),
    # the map's details panel, line widths, save buttons, and hub labels (kg/network.py)
    "map several parties": ("With several parties", "여러 당사자와 함께"),
    "map parties": ("{n} parties: ", "당사자 {n}곳: "),
    "map width": ("Line width: the number of GPUs or the amount, where the sources give one",
                  "선 굵기: 출처가 밝힌 GPU 수 또는 금액"),
    "map save": ("Save the view", "화면 저장"),
    "map save png": ("PNG picture", "PNG 그림"),
    "map save svg": ("SVG drawing", "SVG 도면"),
    "map save hint": ("Save what the map shows now, as it is zoomed and filtered",
                      "지금 지도에 보이는 그대로(확대·필터 포함) 저장"),
    "hub label": ("{n}-party {kind}: {names}", "{n}자 {kind}: {names}"),
    "hub more": (" +{n}", " 외 {n}곳"),
    # kg path / kg neighbors filters (kg/linkfilter.py)
    "status unknown": ("--status: unknown status {unknown}{hint} — choose from: {known}",
                       "--status: 알 수 없는 상태 {unknown}{hint} — 다음 중에서 고르세요: {known}"),
    "status near": (" (did you mean {near}?)", " ({near}을(를) 뜻했나요?)"),
    "date bad": ("{option} {text} is not a date — write one such as 2025, 2025-11 or 2025-11-01",
                 "{option} {text}: 날짜가 아닙니다 — 2025, 2025-11, 2025-11-01처럼 쓰세요"),
    "dates swapped": ("--since {start} is after --until {end} — swap the two dates",
                      "--since {start}가 --until {end}보다 뒤입니다 — 두 날짜를 바꾸세요"),
    "filter avoiding": ("avoiding {names}", "{names}{names:을} 거치지 않는"),
    "filter status": ("of status {statuses}", "상태가 {statuses}인"),
    "filter status or": (" or ", "·"),
    "filter dated between": ("dated {since} to {until}", "{since}부터 {until}까지 날짜인"),
    "filter dated since": ("dated {since} or later", "{since} 이후 날짜인"),
    "filter dated until": ("dated {until} or earlier", "{until} 이전 날짜인"),
    "filter note": ("  (only links {conditions}; drop {options} for all)",
                    "  (조건: {conditions} 관계만; 빼려면 {options})"),
    "avoid kept path": ("--avoid {name}: {shown} ({node}) is an end of the path — avoid another node",
                        "--avoid {name}: {shown}({node}){shown:은} 경로의 시작이나 끝입니다 — 다른 노드를 빼세요"),
    "avoid kept node": ("--avoid {name}: {shown} ({node}) is the node whose partners are asked for — avoid another "
                        "node",
                        "--avoid {name}: {shown}({node}){shown:은} 파트너를 찾는 대상입니다 — 다른 노드를 빼세요"),
    "no partner": ("{a} ({node}) has no partner with these filters ({conditions}) — drop {options} to see the others",
                   "{a}({node})에는 {conditions} 관계의 파트너가 없습니다 — {options} 옵션을 빼면 "
                   "다른 파트너를 찾습니다"),
    "no partner sep": (", ", " "),
    "no chain plain": ("No chain of partnerships connects {a} and {b}.",
                       "{a}{a:과} {b}{b:을} 잇는 파트너십 경로가 없습니다."),
    "no chain and": (" and ", " "),
    "no chain when": ("No chain of partnerships {conditions} connects {a} and {b} — drop {options} to see the other "
                      "chains", "{a}{a:과} {b}{b:을} 잇는 {conditions} 파트너십 경로가 없습니다 — {options} 옵션을 "
                      "빼면 다른 경로를 찾습니다"),
    # kg query: a parameter naming an entity of the wrong kind (kg/kinds.py)
    "something else": ("something else", "다른 것"),
    "wrong kind": ("parameter {param}: '{text}' is {label} ({ident}), {kind:a}, not {expected:a}",
                   "매개변수 {param}: '{text}' → {label}({ident}): {expected}{expected:이} 아니라 {kind}입니다"),
    "give articles": ("give one of its articles: {names}", "이 {kind}의 기사를 지정하세요: {names}"),
    "give publisher": ("give its publisher: {names}", "이 {kind}의 발행 언론사를 지정하세요: {names}"),
    "give nearest": ("give {expected:a}, such as {names}", "{expected} 중 하나를 지정하세요: {names}"),
    # kg conflicts (kg/conflicts.py), and its findings where kg path, kg neighbors and the map show them
    "conflicts contradictions": ("Contradictions (the claims cannot all be true)",
                                 "모순 (모든 주장이 동시에 참일 수 없음)"),
    "conflicts none": ("none", "없음"),
    "conflicts consistent": ("Sources agree, worded differently (consistent; not conflicts)",
                             "표현만 다르고 서로 맞음 (양립 가능; 충돌 아님)"),
    "conflicts summary": ("{n} contradiction{n:s}: {figures} between figures, {sums} in sums; {consistent} consistent "
                          "difference{consistent:s}, not counted.",
                          "모순 {n}건 (수치 {figures}건, 합계 {sums}건); 표현만 다른 경우 {consistent}건."),
    "conflicts gpu target": ("GPU target of {setter} for {year}", "GPU 목표 {setter} — {year}"),
    "conflicts gpu stock": ("GPU stock of {holder}", "GPU 보유량 {holder}"),
    "conflicts gpu allocation": ("GPU allocation {supplier} → {recipient}", "GPU 배분 {supplier} → {recipient}"),
    "conflicts in the deal": (" (in the deal {supplier} → {whole})", " (거래 {supplier} → {whole})"),
    "conflicts gpu models": ("GPU models {a} → {b}", "GPU 모델 {a} → {b}"),
    "conflicts investment": ("investment by {investors}", "투자 {investors}"),
    "conflicts one level below": ("{names} {unit}, one level below {bounds}", "{names} {unit} (한 단계 아래) {bounds}"),
    "conflicts sum of": ("sum of {names} = {total} {unit} {bounds}", "합계 {names} = {total} {unit} {bounds}"),
    "conflicts lower bound": (" (a lower bound: the source's shares do not cover its whole total)",
                              " (하한: 출처의 배분이 전체 총량을 다 나누지 않음)"),
    "conflicts other models": ("{a} and {b} are different models, neither a kind of the other",
                               "{a}와(과) {b}는 서로 다른 모델"),
    "conflicts model family": ("{a} is a {b} product (model family): the same GPUs named more precisely",
                               "{a}은(는) {b} 제품군: 같은 GPU를 더 구체적으로 부른 것"),
    "conflicts shares summing": ("the shares summing to {n}", "합계 {n}인 배분"),
    "conflicts stated clash": ("{a} and {b} as stated cannot both hold: {sa} and {sb} do not overlap",
                               "명시 수치 {a}와(과) {b}는 동시에 참일 수 없음: {sa}와(과) {sb}가 겹치지 않음"),
    "conflicts clash": ("{a} and {b} cannot both hold: {sa} and {sb} do not overlap",
                        "{a}와(과) {b}는 동시에 참일 수 없음: {sa}와(과) {sb}가 겹치지 않음"),
    "conflicts sides": (". Sides: ", ". 양쪽: "),
    "conflicts self": (" (a source contradicting itself: {sources})", " (스스로 모순되는 출처: {sources})"),
    "conflicts overlap": ("the value sets overlap: every claim holds for values in {where}; they differ in hedge, "
                          "precision or level, not in fact",
                          "값의 범위가 겹침: {where} 안의 값이면 모든 주장이 참; 한정어·정밀도·단위 수준만 다름"),
    "conflicts cannot reach": ("the shares cannot reach {figure} {bounds} ({sources})",
                               "배분 합계가 {figure} {bounds}와(과) 맞을 수 없음 ({sources})"),
    "conflicts own total": (" — the source contradicts its own total", " — 출처가 스스로의 총량과 모순"),
    "conflicts fit": ("the shares fit every figure given for the total", "배분 합계가 총량의 모든 수치와 양립"),
    "conflicts partial": ("the source names only some recipients; the shares stay within every figure given for "
                          "the total, and the rest is not broken down",
                          "출처가 일부 수령처만 밝힘; 배분 합계가 총량의 모든 수치 안에 있고 나머지는 나뉘지 않음"),
    # kg query's errors (kg/query/, kg/sandbox.py) and kg queries' list
    # kg queries (kg/query/catalogue.py)
    "queries optional": ("(optional)", "(생략 가능)"),
    "queries parameters": ("Parameters:", "매개변수:"),
    "queries file": ("File: {path}", "파일: {path}"),
    # … a parameter or query text kg cannot bind (kg/query/binding.py, params.py, execute.py)
    "query bad iri": ("'{term}' is not a valid IRI — it contains a space or one of {chars}",
                      "'{term}'은(는) 올바른 IRI가 아닙니다 — 공백이나 {chars} 중 하나가 들어 있습니다"),
    "query cannot bind": ("cannot bind {term} — give an IRI or a literal",
                          "{term}에는 값을 묶을 수 없습니다 — IRI나 리터럴을 주세요"),
    "query no where": ("{origin}: kg cannot give this query parameters — write it with a WHERE clause ({example})",
                       "{origin}: kg가 이 질의에 매개변수를 줄 수 없습니다 — WHERE 절을 넣어 쓰세요 ({example})"),
    "query param": ("parameter {param}: {error}", "매개변수 {param}: {error}"),
    "query not iri": ("parameter {name}: '{text}' is not an IRI — write <http://…> or prefix:name",
                      "매개변수 {name}: '{text}'은(는) IRI가 아닙니다 — <http://…>나 prefix:name으로 쓰세요"),
    "query not number": ("parameter {name}: '{text}' is not a number — give digits, such as {default}",
                         "매개변수 {name}: '{text}'은(는) 수가 아닙니다 — {default}처럼 숫자로 주세요"),
    "query no labels": ("no labels in '{code}' — use one of {langs}",
                        "'{code}' 언어의 레이블이 없습니다 — {langs} 중 하나를 쓰세요"),
    "query no parameter": ("{name} has no parameter '{var}' — its parameters: {names}",
                           "{name}에는 매개변수 '{var}'이(가) 없습니다 — 이 질의의 매개변수: {names}"),
    "query no parameters": ("none", "없음"),
    "query no variable": ("the query has no variable ?{var} — check the parameter name",
                          "질의에 변수 ?{var}이(가) 없습니다 — 매개변수 이름을 확인하세요"),
    "query filter only": ("{origin}: ?{var} is only used in a FILTER inside a nested group, which cannot see the "
                          "value kg binds at the start of the WHERE clause — move the FILTER to the top level of the "
                          "WHERE clause (or into an OPTIONAL there), or bind ?{var} in a pattern",
                          "{origin}: ?{var}은(는) 중첩된 그룹 안의 FILTER에서만 쓰이는데, 그 FILTER는 kg가 WHERE 절 "
                          "첫머리에 묶는 값을 보지 못합니다 — FILTER를 WHERE 절의 맨 바깥(또는 그곳의 OPTIONAL "
                          "안)으로 옮기거나, 패턴 안에서 ?{var}를 묶으세요"),
    "query not utf8": ("{path}: the file is not valid UTF-8 (byte {byte}) — save it as UTF-8",
                       "{path}: 올바른 UTF-8 파일이 아닙니다 ({byte}번째 바이트) — UTF-8로 저장하세요"),
    # … a named query's header (kg/query/catalogue.py)
    "query param line": ("{where}: cannot read the parameter line — write '# param: NAME = DEFAULT — what it is' "
                         "or '# param: NAME (optional) — …'",
                         "{where}: 매개변수 줄을 읽을 수 없습니다 — '# param: NAME = DEFAULT — what it is'나 "
                         "'# param: NAME (optional) — …'로 쓰세요"),
    "query question": ("{where}: write the question as a number, such as '# question: 3'",
                       "{where}: 질문은 '# question: 3'처럼 번호로 쓰세요"),
    "query no title": ("{path}:1: the query has no title — start it with a comment line that says what it answers",
                       "{path}:1: 질의에 제목이 없습니다 — 무엇에 답하는지 말하는 주석 줄로 시작하세요"),
    "query stray korean": ("{where}: a '# ko:' line follows neither the title, the description nor a parameter "
                           "line — put it right after the line it translates",
                           "{where}: '# ko:' 줄이 제목, 설명, 매개변수 줄 바로 뒤에 있지 않습니다 — 옮기는 줄 바로 "
                           "다음에 두세요"),
    "query no values row": ("{where}: the WHERE clause has no VALUES row binding ?{name} to {shown} — put one at its "
                            "top level, such as {example}, so the file answers for the defaults elsewhere and kg "
                            "binds the values given there",
                            "{where}: WHERE 절에 ?{name}를 {shown}(으)로 묶는 VALUES 행이 없습니다 — {example}처럼 "
                            "맨 바깥에 하나 두세요. 그래야 다른 도구에서도 파일이 기본값으로 답하고, kg는 주어진 "
                            "값을 그 자리에 묶습니다"),
    "query lang param": ("{where}: 'lang' is not a parameter — every query gets ?lang from --lang",
                         "{where}: 'lang'은 매개변수가 아닙니다 — 모든 질의는 ?lang을 --lang에서 받습니다"),
    "query param class": ("{where}: unknown class {classes} for parameter {name} — give kgo class names from "
                          "ontology/kg.ttl, such as Source or Organization|Sector|Country",
                          "{where}: 매개변수 {name}의 클래스 {classes}를 알 수 없습니다 — ontology/kg.ttl의 kgo "
                          "클래스 이름을 주세요 (예: Source, Organization|Sector|Country)"),
    "query param default": ("{where}: cannot read the default {default} — write kg:ID, <IRI>, a number or \"text\"",
                            "{where}: 기본값 {default}를 읽을 수 없습니다 — kg:ID, <IRI>, 수 또는 \"글\"로 쓰세요"),
    "query param classes": ("{where}: only an entity parameter (default kg:ID, or optional) can name classes",
                            "{where}: 클래스는 항목 매개변수(기본값이 kg:ID이거나 생략 가능한 것)에만 쓸 수 "
                            "있습니다"),
    "query unknown": ("no query named '{name}' — {hint}", "이름이 '{name}'인 질의가 없습니다 — {hint}"),
    "query list hint": ("kg queries lists them", "kg queries가 목록을 보여 줍니다"),
    # … what the engines say, framed (kg/query/failures.py, execute.py; the quoted part stays as the engine wrote it)
    "query syntax": ("{where}: SPARQL syntax error: {message} — fix the query",
                     "{where}: SPARQL 구문 오류: {message} — 질의를 고치세요"),
    "query syntax said": ("{where}: SPARQL syntax error: {message}", "{where}: SPARQL 구문 오류: {message}"),
    "query unknown prefix": ("unknown prefix '{name}:' — declare it with PREFIX {name}: <…> or use one of {known}",
                             "알 수 없는 접두어 '{name}:' — PREFIX {name}: <…>로 선언하거나 다음 중 하나를 쓰세요: "
                             "{known}"),
    "query unknown prefix unnamed": ("unknown prefix — declare it with PREFIX or use one of {known}",
                                     "알 수 없는 접두어 — PREFIX로 선언하거나 다음 중 하나를 쓰세요: {known}"),
    "query too deep rdflib": ("{origin}: the query is nested or chained too deeply for rdflib's engine — simplify "
                              "it, or use the default store (Oxigraph)",
                              "{origin}: 질의가 rdflib 엔진에는 너무 깊이 중첩되거나 길게 이어져 있습니다 — 질의를 "
                              "단순하게 하거나 기본 저장소(Oxigraph)를 쓰세요"),
    "query endpoint silent": ("{origin}: the endpoint did not answer the query ({reason}) — check the URL and that "
                              "the server runs",
                              "{origin}: 엔드포인트가 질의에 답하지 않았습니다 ({reason}) — URL과 서버가 실행 중인지 "
                              "확인하세요"),
    "query remote failed": ("{origin}: a request the query makes to another server failed ({message}) — check the "
                            "URLs in SERVICE and FROM",
                            "{origin}: 질의가 다른 서버로 보낸 요청이 실패했습니다 ({message}) — SERVICE와 FROM의 "
                            "URL을 확인하세요"),
    # … what kg refuses to run (kg/query/guard.py, kg/sandbox.py)
    "query service unreadable": ("{origin}: kg cannot check this query for SERVICE, as rdflib's SPARQL parser does "
                                 "not read it ({reason}), and it mentions 'service' — it is refused; fix or rewrite "
                                 "it in plain SPARQL 1.1, or pass --allow-remote if you mean it",
                                 "{origin}: rdflib의 SPARQL 파서가 이 질의를 읽지 못해 ({reason}) kg가 SERVICE가 "
                                 "있는지 검사할 수 없는데, 질의에 'service'라는 말이 있어 거부합니다 — 고치거나 "
                                 "평범한 SPARQL 1.1로 다시 쓰세요. 정말 원하면 --allow-remote를 주세요"),
    "query service": ("{origin}: the query uses SERVICE {service}: kg query does not send requests to other servers "
                      "— pass --allow-remote if you mean it",
                      "{origin}: 질의가 SERVICE {service}를 씁니다. kg query는 다른 서버로 요청을 보내지 않습니다 "
                      "— 정말 원하면 --allow-remote를 주세요"),
    "query from": ("{origin}: the query uses {keyword} <{iri}>, which is not a graph of the dataset: kg query reads "
                   "only the graph it was given and fetches nothing — name one of its graphs, such as "
                   "<{graph}SOURCE-ID>, or pass --allow-remote if you mean it",
                   "{origin}: 질의가 {keyword} <{iri}>를 쓰는데, 데이터셋에 없는 그래프입니다. kg query는 주어진 "
                   "그래프만 읽고 아무것도 가져오지 않습니다 — <{graph}SOURCE-ID>처럼 데이터셋의 그래프를 "
                   "지정하거나, 정말 원하면 --allow-remote를 주세요"),
    "query update": ("{origin}: this is a SPARQL Update (LOAD, INSERT, DELETE, DROP, …), and kg query only reads — "
                     "updates are always refused; change the graph through the seed files and kg build, or kg load",
                     "{origin}: SPARQL 갱신 요청(LOAD, INSERT, DELETE, DROP 등)입니다. kg query는 읽기만 합니다 — "
                     "갱신은 언제나 거부됩니다. 그래프는 시드 파일과 kg build, 또는 kg load로 바꾸세요"),
    "query too big": ("{origin}: the query is {size} bytes; kg accepts at most {limit} — shorten it (a long VALUES "
                      "list belongs in a file loaded with kg load)",
                      "{origin}: 질의가 {size}바이트입니다. kg는 {limit}바이트까지만 받습니다 — 줄이세요 (긴 "
                      "VALUES 목록은 파일에 담아 kg load로 적재하세요)"),
    "query too nested": ("{origin}: the query nests brackets {depth} levels deep; kg accepts at most {limit} — "
                         "flatten the expression or the group patterns",
                         "{origin}: 질의의 괄호가 {depth}단계로 중첩되어 있습니다. kg는 {limit}단계까지만 받습니다 — "
                         "식이나 그룹 패턴을 평평하게 펴세요"),
    "query timeout": ("{origin}: the query ran longer than {seconds} s and was stopped — narrow it down (fewer "
                      "unbound patterns, a LIMIT, a more specific property path) or allow more time with --timeout "
                      "SECONDS",
                      "{origin}: 질의가 {seconds}초보다 오래 실행되어 멈췄습니다 — 범위를 좁히거나 (묶이지 않은 "
                      "패턴 줄이기, LIMIT, 더 구체적인 속성 경로) --timeout SECONDS로 시간을 늘리세요"),
    "query memory": ("{origin}: the query needed more than {limit} of memory and was stopped — narrow it down "
                     "(fewer unbound patterns, a LIMIT), or allow more with --max-memory",
                     "{origin}: 질의에 {limit}보다 많은 메모리가 필요해 멈췄습니다 — 범위를 좁히거나 (묶이지 않은 "
                     "패턴 줄이기, LIMIT) --max-memory로 더 허용하세요"),
    "query memory all": ("the memory there is", "있는 메모리 전부"),
    "query crashed": ("{origin}: the query engine crashed on this query ({how}): it is probably nested or chained "
                      "too deeply for the engine, or needed more memory than allowed — simplify it or split it up",
                      "{origin}: 이 질의에서 질의 엔진이 비정상 종료했습니다 ({how}). 엔진에는 너무 깊이 중첩되거나 "
                      "길게 이어졌거나, 허용보다 많은 메모리가 필요했을 것입니다 — 질의를 단순하게 하거나 "
                      "나누세요"),
    "query signal": ("signal {n}", "시그널 {n}"),
    "query exit status": ("exit status {n}", "종료 코드 {n}"),
    # … the answer (kg/query/results.py)
    "query format unknown": ("unknown format '{fmt}' — use one of {formats}",
                             "알 수 없는 형식 '{fmt}' — {formats} 중 하나를 쓰세요"),
    "query graph format": ("a CONSTRUCT or DESCRIBE query returns a graph, printed as Turtle — drop --format {fmt}",
                           "CONSTRUCT나 DESCRIBE 질의는 그래프를 돌려주며 Turtle로 출력됩니다 — --format {fmt}를 "
                           "빼세요"),
    "query table format": ("a {kind} query returns a table, not a graph — use table, csv, tsv, json or xml",
                           "{kind} 질의는 그래프가 아니라 표를 돌려줍니다 — table, csv, tsv, json, xml 중 하나를 "
                           "쓰세요"),
    # kg query (the footer of a table, on stderr)
    "query rows": ("{n} row{n:s}", "{n}행"),
    "param form": ("--param '{pair}': write NAME=VALUE, such as org=naver-cloud",
                   "--param '{pair}': 이름=값으로 쓰세요 (예: org=naver-cloud)"),
    "param twice": ("--param {name} is given twice — give each parameter once",
                    "--param {name}이(가) 두 번 주어졌습니다 — 매개변수마다 한 번만 주세요"),
    "param lang": ("'lang' is set with --lang (the label language), not as a parameter",
                   "'lang'은 매개변수가 아니라 --lang(레이블 언어)으로 정합니다"),
    "param option": ("--param {name}: that name belongs to an option of kg query — rename the query's variable "
                     "?{name}", "--param {name}: kg query의 옵션 이름입니다 — 질의의 변수 ?{name}의 이름을 바꾸세요"),
    "query excel": ("--excel puts a byte order mark on CSV and TSV only — add -f csv or -f tsv",
                    "--excel: 바이트 순서 표시는 CSV와 TSV에만 붙습니다 — -f csv 또는 -f tsv를 주세요"),
    "query cells cut": (" (long cells cut; --format csv or json shows them whole)",
                        " (긴 칸은 잘림; --format csv나 json으로 전체를 볼 수 있음)"),
    "query truncated rows": ("the answer has more than {n} rows; only the first {n} are shown — narrow the query, or "
                             "raise --max-rows (0 for all)",
                             "답이 {n}행보다 많아 처음 {n}행만 보여 줌 — 질의를 좁히거나 "
                             "--max-rows를 늘리세요 (0이면 전부)"),
    "query truncated triples": ("the answer has more than {n} triples; only the first {n} are shown — narrow the "
                                "query, or raise --max-rows (0 for all)", "답이 트리플 {n}개보다 많아 처음 {n}개만 "
                                "보여 줌 — 질의를 좁히거나 --max-rows를 늘리세요 (0이면 전부)"),
    # kg network
    "network format unknown": ("cannot tell the format from {output} — name the file .gexf, .graphml or .csv, or "
                               "give --format gexf|graphml|csv|kumu", "{output}의 이름으로는 형식을 알 수 "
                               "없습니다 — 파일 이름을 .gexf, .graphml, .csv로 끝내거나 --format "
                               "gexf|graphml|csv|kumu를 주세요"),
    "network format bad": ("unknown network format {fmt} — choose from: {formats}",
                           "알 수 없는 네트워크 형식 {fmt} — 다음 중에서 고르세요: {formats}"),
    # errors of the stores, RDF files, kg push, credentials and kg serve, raised as KgError.of(key, …) and shown
    # in the language of the command (kg.cli.user_errors)
    "store unknown": ("unknown store '{text}' — {hint}use {kinds}",
                      "알 수 없는 저장소 '{text}' — {hint}{kinds} 중 하나를 쓰세요"),
    "store near": ("did you mean {usage}? ", "{usage}인가요? "),
    "oxigraph none": ("{path}: no Oxigraph store there — build one with: kg build --store oxigraph:{path}",
                      "{path}: Oxigraph 저장소가 없습니다 — 다음으로 만드세요: kg build --store oxigraph:{path}"),
    "oxigraph open": ("{path}: cannot open the Oxigraph store ({reason}) — is another kg process writing it? Wait "
                      "for it to finish",
                      "{path}: Oxigraph 저장소를 열 수 없습니다 ({reason}) — 다른 kg 프로세스가 쓰고 있다면 끝날 "
                      "때까지 기다리세요"),
    "oxigraph busy": ("{path}: another kg process is writing this store (kg build or kg load) — wait for it to "
                      "finish and run the command again, or choose another --store path",
                      "{path}: 다른 kg 프로세스가 이 저장소에 쓰는 중입니다 (kg build 또는 kg load) — 끝난 뒤 명령을 "
                      "다시 실행하거나 다른 --store 경로를 고르세요"),
    "oxigraph not a store": ("{path}: exists and is not an Oxigraph store — choose an empty or new folder",
                             "{path}: 이미 있고 Oxigraph 저장소가 아닙니다 — 비어 있거나 새 폴더를 고르세요"),
    "oxigraph write": ("{path}: cannot write the Oxigraph store ({reason}) — free some disk space or check the "
                       "folder's permissions; the previous store, if any, is unchanged",
                       "{path}: Oxigraph 저장소를 쓸 수 없습니다 ({reason}) — 디스크 공간을 비우거나 폴더 권한을 "
                       "확인하세요. 이전 저장소가 있었다면 그대로입니다"),
    "store keeps nothing load": ("the {kind} store keeps nothing between runs — load into --store oxigraph:PATH or "
                                 "sparql:URL",
                                 "{kind} 저장소는 실행 사이에 아무것도 보관하지 않습니다 — --store oxigraph:PATH 또는 "
                                 "sparql:URL에 적재하세요"),
    "store keeps nothing": ("the {kind} store keeps nothing between runs — use --store oxigraph:PATH or sparql:URL",
                            "{kind} 저장소는 실행 사이에 아무것도 보관하지 않습니다 — --store oxigraph:PATH 또는 "
                            "sparql:URL을 쓰세요"),
    "sparql serve": ("kg serve serves a local graph — the sparql store is already an endpoint",
                     "kg serve는 로컬 그래프를 제공합니다 — sparql 저장소는 이미 엔드포인트입니다"),
    "endpoint no graphs": ("{url}: the endpoint holds none of kg's graphs (named graphs under {base}) — upload the "
                           "graph first with: kg push --to UPDATE-URL (its SPARQL Update URL)",
                           "{url}: 엔드포인트에 kg의 그래프({base} 아래의 이름 있는 그래프)가 하나도 없습니다 — 먼저 "
                           "kg push --to UPDATE-URL(그 SPARQL Update URL)로 그래프를 올리세요"),
    "endpoint default graph": ("{url}: the endpoint ignores the SPARQL Protocol's default-graph-uri parameter, by "
                               "which kg reads its own graphs as one default graph, and the endpoint's default graph "
                               "is empty — make the default graph the union of the named graphs (Oxigraph: "
                               "--union-default-graph; Fuseki: tdb2:unionDefaultGraph true)",
                               "{url}: 엔드포인트가 SPARQL 프로토콜의 default-graph-uri 매개변수(kg가 자기 그래프들을 "
                               "하나의 기본 그래프로 읽는 방법)를 무시하고, 엔드포인트의 기본 그래프는 비어 있습니다 — "
                               "기본 그래프를 이름 있는 그래프들의 합집합으로 설정하세요 (Oxigraph: "
                               "--union-default-graph; Fuseki: tdb2:unionDefaultGraph true)"),
    "endpoint refused query": ("{url}: the endpoint refused the query ({error}{body}) — {hint}",
                               "{url}: 엔드포인트가 질의를 거부했습니다 ({error}{body}) — {hint}"),
    "endpoint check query": ("check the query and the endpoint", "질의와 엔드포인트를 확인하세요"),
    "rdf format unknown": ("{path}: cannot tell the RDF format from the file name — use one of {suffixes}",
                           "{path}: 파일 이름으로는 RDF 형식을 알 수 없습니다 — {suffixes} 중 하나를 쓰세요"),
    "rdf xml deep": ("{where}: XML elements nested more than {depth} deep, more than kg reads (deep nesting makes "
                     "the RDF/XML parser take hours) — write the nested nodes side by side with rdf:nodeID or "
                     "rdf:about references, or convert the file to Turtle",
                     "{where}: XML 요소가 {depth}단계보다 깊이 중첩되어 kg가 읽는 한도를 넘습니다 (깊은 중첩은 "
                     "RDF/XML 파서를 몇 시간씩 붙잡습니다) — 중첩된 노드를 rdf:nodeID나 rdf:about 참조로 나란히 "
                     "쓰거나, 파일을 Turtle로 변환하세요"),
    "rdf dtd": ("{where}: the file declares a DTD or entities, which kg refuses in RDF/XML (entity expansion, "
                "external files) — remove the <!DOCTYPE …> block",
                "{where}: 파일이 DTD나 엔티티를 선언합니다. kg는 RDF/XML에서 이를 받지 않습니다 (엔티티 확장, 외부 "
                "파일) — <!DOCTYPE …> 블록을 지우세요"),
    "rdf xml bad": ("{where}: not well-formed XML ({reason}) — fix the file",
                    "{where}: 올바른 XML이 아닙니다 ({reason}) — 파일을 고치세요"),
    "rdf json deep": ("{where}: JSON objects and arrays nested more than {depth} deep, more than kg reads (deep "
                      "nesting crashes or stalls the JSON-LD parser) — give nested nodes an @id and write them side "
                      "by side, or convert the file to Turtle",
                      "{where}: JSON 객체와 배열이 {depth}단계보다 깊이 중첩되어 kg가 읽는 한도를 넘습니다 (깊은 "
                      "중첩은 JSON-LD 파서를 멈추거나 죽입니다) — 중첩된 노드에 @id를 주어 나란히 쓰거나, 파일을 "
                      "Turtle로 변환하세요"),
    "rdf too long": ("{where}: a literal or IRI longer than {mib} MiB, more than kg reads — keep such a value "
                     "outside the graph (a file and a link to it) or shorten it",
                     "{where}: {mib} MiB보다 긴 리터럴이나 IRI가 있어 kg가 읽는 한도를 넘습니다 — 그런 값은 그래프 "
                     "밖에 두거나(파일과 그 링크) 줄이세요"),
    "rdf no file": ("{path}: no such file — check the path", "{path}: 파일이 없습니다 — 경로를 확인하세요"),
    "rdf invalid": ("{where}: not valid {fmt}: {reason} — fix the file or export it again",
                    "{where}: 올바른 {fmt} 형식이 아닙니다: {reason} — 파일을 고치거나 다시 내보내세요"),
    "push refused": ("{url}: the endpoint refused the update (HTTP {code}): {detail}",
                     "{url}: 엔드포인트가 갱신을 거부했습니다 (HTTP {code}): {detail}"),
    "push refused login": ("{url}: the endpoint refused the update (HTTP {code}): {detail} — {tried}",
                           "{url}: 엔드포인트가 갱신을 거부했습니다 (HTTP {code}): {detail} — {tried}"),
    "push unreachable": ("{url}: cannot reach the endpoint ({reason})",
                         "{url}: 엔드포인트에 연결할 수 없습니다 ({reason})"),
    "push stopped": ("{error} — push stopped in graph <{graph}> after {total} quads; run kg push again: it "
                     "replaces each graph whole, so nothing is duplicated",
                     "{error} — 그래프 <{graph}>에서 쿼드 {total}개를 보낸 뒤 push가 멈췄습니다. kg push를 다시 "
                     "실행하세요: 그래프마다 통째로 바꾸므로 중복되는 것은 없습니다"),
    "credentials sent": ("kg answered the challenge as user {user} with the password from {source}",
                         "kg는 사용자 {user}, {source}의 비밀번호로 인증 요청에 답했습니다"),
    "credentials none": ("kg had no credentials for {host}: none in ${env} (with the user in the URL) or in {netrc}",
                         "kg에는 {host}의 자격 증명이 없었습니다: ${env}(URL의 사용자와 함께)에도, {netrc}에도 "
                         "없습니다"),
    "credentials how": ("{sent} — name the user in the URL (http://USER@{host}/…) and give the password in ${env}, "
                        "or add 'machine {host} login USER password …' to {netrc}",
                        "{sent} — URL에 사용자를 적고(http://USER@{host}/…) 비밀번호를 ${env}에 주거나, {netrc}에 "
                        "'machine {host} login USER password …'를 더하세요"),
    "credentials in url": ("{url}: a password in the URL shows in the process list and the shell's history — name "
                           "only the user (http://USER@{host}/…) and give the password in ${env} or in {netrc} "
                           "(machine {host} login USER password …)",
                           "{url}: URL 속 비밀번호는 프로세스 목록과 셸 기록에 드러납니다 — URL에는 사용자만 "
                           "적고(http://USER@{host}/…) 비밀번호는 ${env}나 {netrc}(machine {host} login USER "
                           "password …)에 주세요"),
    "netrc missing": ("{path}: no such file — ${env} names it as the .netrc file; create it or unset ${env}",
                      "{path}: 파일이 없습니다 — ${env}가 이 파일을 .netrc로 지정합니다. 파일을 만들거나 ${env}를 "
                      "지우세요"),
    "netrc unreadable": ("{path}: cannot read it ({reason})", "{path}: 읽을 수 없습니다 ({reason})"),
    "netrc bad": ("{where}: {what} — write entries as 'machine HOST login USER password PASSWORD'",
                  "{where}: {what} — 항목을 'machine HOST login USER password PASSWORD' 형식으로 쓰세요"),
    "netrc not an entry": ("not a .netrc entry", ".netrc 항목이 아닙니다"),
    "serve engine stopped": ("kg serve: the engine process stopped — restart kg serve",
                             "kg serve: 엔진 프로세스가 멈췄습니다 — kg serve를 다시 시작하세요"),
    "serve timeout": ("--timeout must be a positive number of seconds, not {timeout}",
                      "--timeout은 양수의 초여야 합니다 ({timeout}은(는) 안 됩니다)"),
    "serve listen": ("cannot listen on {host}:{port} ({reason}) — choose another --port, or a --host this machine "
                     "has (127.0.0.1, ::1, 0.0.0.0 or :: for every address)",
                     "{host}:{port}에서 연결을 받을 수 없습니다 ({reason}) — 다른 --port를 고르거나, 이 컴퓨터에 "
                     "있는 --host를 주세요 (127.0.0.1, ::1, 모든 주소는 0.0.0.0 또는 ::)"),
    "query which": ("give one of: a query NAME (kg queries lists them), --file FILE or -e 'SELECT …'",
                    "다음 중 하나를 주세요: 질의 이름 NAME (kg queries가 목록을 보여 줍니다), --file FILE 또는 "
                    "-e 'SELECT …'"),
    "kgo unknown": ("{where}: kgo:{name} is not a term of the ontology, so the answer is empty — {hint}kg schema "
                    "lists the terms",
                    "{where}: kgo:{name}은(는) 온톨로지에 없는 용어라 답이 비었습니다 — {hint}kg schema가 용어를 "
                    "모두 보여 줍니다"),
    "kgo near": ("did you mean {terms}? ", "가까운 용어: {terms}; "),
    "export format unknown": ("cannot tell the format from {output} — end the file name with one of {known}, or "
                              "give --format {choices}",
                              "{output}의 이름으로는 형식을 알 수 없습니다 — 파일 이름을 {known} 중 하나로 끝내거나 "
                              "--format {choices}를 주세요"),
    "export needs file": ("the {fmt} format is written to files only — give -o FILE (such as -o out/partners.{fmt})",
                          "{fmt} 형식은 파일로만 씁니다 — -o 파일 이름을 주세요 (예: -o out/partners.{fmt})"),
    "export format bad": ("unknown export format '{fmt}' — use one of: {formats}",
                          "알 수 없는 내보내기 형식 '{fmt}' — 다음 중 하나를 쓰세요: {formats}"),
    "export term": ("cannot export {term}: blank nodes and other terms are not used in kg graphs",
                    "{term}을(를) 내보낼 수 없습니다: 빈 노드와 그 밖의 항은 kg 그래프에 쓰이지 않습니다"),
    "file write": ("{path}: cannot write the file ({reason}) — free some disk space or check the folder's "
                   "permissions; the previous file, if any, is unchanged",
                   "{path}: 파일을 쓸 수 없습니다 ({reason}) — 디스크 공간을 비우거나 폴더 권한을 확인하세요. 이전 "
                   "파일이 있었다면 그대로입니다"),
    "depth negative": ("--depth must be 0 or more, not {depth}",
                       "--depth는 0 이상이어야 합니다 ({depth}은(는) 안 됩니다)"),
    "validate too big": ("{where}the graph has {count:,} triples, more than kg validate checks ({limit:,}: pySHACL "
                         "holds the data in rdflib's in-memory store, about 0.25 ms and 3 KB a triple) — validate "
                         "the file in parts, or query it with kg query instead",
                         "{where}그래프의 트리플이 {count:,}개로 kg validate가 검사하는 한도({limit:,}개: pySHACL은 "
                         "데이터를 rdflib의 메모리 저장소에 담으며 트리플 하나에 약 0.25 ms, 3 KB가 듭니다)를 "
                         "넘습니다 — 파일을 나누어 검사하거나 kg query로 질의하세요"),
    # what kg load, kg push, kg serve and kg new-source say when done (in the global kg --lang)
    "load done": ("Loaded {count} quads from {files} file(s) into {store}",
                  "파일 {files}개의 쿼드 {count}개를 {store}에 적재했습니다"),
    "push progress": ("Pushing to {url}", "{url}에 올리는 중"),
    "push done": ("Pushed {quads} quads in {graphs} named graphs ({requests} requests)",
                  "쿼드 {quads}개를 이름 있는 그래프 {graphs}개로 올렸습니다 (요청 {requests}번)"),
    "serve exposed": ("warning: listening on {host} makes the endpoint reachable from other machines, and it has no "
                      "authentication — put it behind a proxy that has, or use --host 127.0.0.1",
                      "경고: {host}에서 연결을 받으면 다른 컴퓨터에서 엔드포인트에 닿을 수 있는데 인증이 없습니다 — "
                      "인증이 있는 프록시 뒤에 두거나 --host 127.0.0.1을 쓰세요"),
    "serve started": ("SPARQL endpoint at {url}/query (query page at {url}/), read-only, queries stopped after "
                      "{timeout} s. Ctrl-C to stop.",
                      "SPARQL 엔드포인트: {url}/query (질의 페이지: {url}/), 읽기 전용, 질의는 {timeout}초 뒤 "
                      "멈춥니다. Ctrl-C로 끝냅니다."),
    "new source done": ("Added {id} to {sources} and wrote {facts}; add its facts there, then run kg build",
                        "{id}{id:을} {sources}에 더하고 {facts}{facts:을} 썼습니다. 그곳에 사실을 적은 뒤 "
                        "kg build를 실행하세요"),
    # kg draft (kg/draft/)
    "draft unreadable": ("{path}: cannot read the article ({reason}) — give the path of a saved page or text file",
                         "{path}: 기사를 읽을 수 없습니다 ({reason}) — 저장한 웹 페이지나 텍스트 파일의 경로를 주세요"),
    "draft too big": ("{path}: larger than {mib} MiB — save only the article's page",
                      "{path}: {mib} MiB보다 큽니다 — 기사 페이지만 저장하세요"),
    "draft not utf8": ("{path}: byte {byte} is not UTF-8 — save the text as UTF-8",
                       "{path}: {byte}번째 바이트가 UTF-8이 아닙니다 — 텍스트를 UTF-8로 저장하세요"),
    "draft no text": ("{path}: no article text found in the page — save the article's own page, or its text as a "
                      ".txt file",
                      "{path}: 페이지에서 기사 본문을 찾지 못했습니다 — 기사 페이지를 저장하거나 본문을 .txt 파일로 "
                      "저장하세요"),
    "draft unknown source": ("unknown source '{source}' — register it first with kg new-source, or run without "
                             "--dry-run to register it from the article",
                             "알 수 없는 출처 '{source}' — 먼저 kg new-source로 등록하거나, --dry-run 없이 실행해 "
                             "기사로 등록하세요"),
    "draft no date": ("the article does not say its date — pass --date YYYY-MM-DD",
                      "기사에 날짜가 없습니다 — --date YYYY-MM-DD를 주세요"),
    "draft other text": ("{path}: holds another text for this source — paragraph numbers would not match; remove it "
                         "or draft from it",
                         "{path}: 이 출처의 다른 본문이 있습니다 — 문단 번호가 어긋나므로 그 파일을 지우거나 그 파일로 "
                         "초안을 만드세요"),
    "draft reviewed facts": ("{path}: holds reviewed facts — write the draft elsewhere with -o FILE",
                             "{path}: 검토를 마친 사실이 있습니다 — -o FILE로 초안을 다른 곳에 쓰세요"),
    # the terminal report (kg/draft/review.py)
    "draft by year": (" by {year}", " ({year}년까지)"),
    "draft para": (" (para {para}, confidence {confidence})", " ({para}번 문단, 신뢰도 {confidence})"),
    "draft cited": (" = known fact {id}: cited", " = 기존 사실 {id}: 인용으로 씀"),
    "draft verdict": ("    ! {verdict} with {id}: {reason}", "    ! {verdict} 대상: {id}: {reason}"),
    "draft source": ("draft", "초안"),   # the draft's figure among the sides of a verdict
    "draft verdict contradiction": ("contradiction", "모순"),
    "draft verdict consistent": ("consistent", "양립"),
    "draft stubs": ("Not in entities.yaml (stubs at the end of the draft): {names}",
                    "entities.yaml에 없음 (초안 끝에 항목 틀): {names}"),
    "draft summary": ("{n} proposal{n:s}", "제안 {n}건"),
    "draft written": ("; written to {path} — review each entry, then delete its 'review:' line",
                      "; {path}에 씀 — 항목마다 검토한 뒤 'review:' 줄을 지우세요"),
    "draft dry run": ("; nothing written (--dry-run)", "; 쓴 파일 없음 (--dry-run)"),
    # the draft fact file's comments and review lines (kg/draft/review.py, kg/draft/stubs.py)
    "draft file head": ("# Draft facts for {source}, proposed by kg draft from {article}.\n"
                        "# Every entry is marked 'review:'. Check each against its paragraph, fix what is wrong, "
                        "write the note\n# in your own words, then delete its 'review:' line; kg build refuses "
                        "entries still marked.",
                        "# kg draft가 {article}에서 제안한 {source}의 사실 초안입니다. 항목마다 문단과 대조해 고치고, "
                        "메모를\n# 직접 쓴 뒤 'review:' 줄을 지우세요. 표시가 남은 항목은 kg build가 받지 않습니다."),
    "draft file verdict": ("  # {verdict} with {id}: {reason}", "  # {id}{id:과} {verdict}: {reason}"),
    "draft review": ("check against paragraph {paras} ({spans}); parties: {how}; confidence {confidence} — then "
                     "write the note and delete this line",
                     "{paras}번 문단과 대조하세요 ({spans}); 당사자: {how}; 신뢰도 {confidence} — 그런 다음 메모를 "
                     "쓰고 이 줄을 지우세요"),
    "draft span": ("para {para} chars {start}-{end}", "{para}번 문단 {start}-{end}번째 글자"),
    "draft how each": ("the organisations listed before 'each'", "'각각' 앞에 나열된 조직"),
    "draft how marked": ("marked as receiving", "받는 쪽으로 표시됨"),
    "draft how one before": ("the one recipient named before the figure", "수치 앞에 나온 유일한 수령 주체"),
    "draft how one named": ("the one recipient the sentence names", "문장이 밝힌 유일한 수령 주체"),
    "draft how setter": ("the organisation setting the target", "목표를 정한 조직"),
    "draft how subject": ("the paragraph's subject", "문단의 주어"),
    "draft how country": ("a national total: the article's country", "국가 전체 물량: 기사의 나라"),
    "draft how investors": ("the organisations named before the amount", "금액 앞에 나온 조직"),
    "draft how both": ("'both companies': the two last named", "'양사': 마지막에 나온 두 회사"),
    "draft how parties": ("the organisations the sentence names", "문장이 밝힌 조직"),
    "draft stubs head": ("# Organisations not in entities.yaml: complete these and add them there, then draft again.",
                         "# entities.yaml에 없는 조직입니다: 채워서 그곳에 추가한 뒤 다시 초안을 만드세요."),
    "draft stub paras": ("# named in paragraph(s) {paras}", "# {paras}번 문단에 나옴"),
    # what kg build says of an entry still marked for review (kg/seeds.py)
    "draft unreviewed fact": ("fact {id} is a draft", "사실 {id}{id:은} 검토하지 않은 초안입니다"),
    "draft unreviewed cite": ("cite of {id} is a draft", "{id} 인용은 검토하지 않은 초안입니다"),
    "draft unreviewed hint": ("check it against paragraph {paras}, write its note and remove 'review'",
                              "{paras}번 문단과 대조하고 메모를 쓴 뒤 'review' 줄을 지우세요"),
    # kg new-source (kg/scaffold.py)
    "new url bad": ("bad URL {url} — give one line of at most {limit} characters",
                    "잘못된 URL {url} — {limit}자 이하의 한 줄로 주세요"),
    "new no sources": ("{path}: not found — run this in a project with a seeds/ folder or pass --seeds",
                       "{path}: 없습니다 — seeds/ 폴더가 있는 프로젝트에서 실행하거나 --seeds를 주세요"),
    "new facts exist": ("{path}: already exists — choose another id", "{path}: 이미 있습니다 — 다른 id를 고르세요"),
    "new source exists": ("{path}: a source '{id}' is registered already — choose another id",
                          "{path}: 출처 '{id}'가 이미 등록되어 있습니다 — 다른 id를 고르세요"),
    "new id bad": ("bad source id {id} — use lower-case words joined by hyphens, such as yonhap-20251101",
                   "잘못된 출처 id {id} — 소문자 단어를 하이픈으로 이어 쓰세요 (예: yonhap-20251101)"),
    "new date bad": ("bad date {date} — write it as YYYY-MM-DD, such as 2025-11-01",
                     "잘못된 날짜 {date} — YYYY-MM-DD로 쓰세요 (예: 2025-11-01)"),
    "new language bad": ("bad language {language} — use a code such as ko or en",
                         "잘못된 언어 {language} — ko나 en 같은 코드를 쓰세요"),
    "new publisher bad": ("bad publisher id {publisher} — give the publisher's id in entities.yaml, such as yonhap",
                          "잘못된 발행처 id {publisher} — entities.yaml에 있는 발행처 id를 주세요 (예: yonhap)"),
    "new not one line": ("{option} must be one line of text without control characters, not {value} — remove the "
                         "line breaks and control characters",
                         "{option}은(는) 제어 문자 없는 한 줄이어야 합니다 ({value}은(는) 안 됩니다) — 줄바꿈과 제어 "
                         "문자를 지우세요"),
    "new too long": ("{option} is longer than {limit} characters — shorten it",
                     "{option}이(가) {limit}자보다 깁니다 — 줄이세요"),
    "new file bad": ("bad --file {file}: it {problem} — give the file name inside the texts folder, such as "
                     "{id}.txt",
                     "잘못된 --file {file}: {problem} — texts 폴더 안의 파일 이름을 주세요 (예: {id}.txt)"),
    "package incomplete": ("{folder}: kg's {name} files are missing from the installed package — reinstall kg "
                           "(pip install .)",
                           "{folder}: 설치된 kg 패키지에 {name} 파일이 없습니다 — kg를 다시 설치하세요 "
                           "(pip install .)"),
    # figures
    "gpus unit": ("GPUs", "GPU"),
    # the map page (kg/templates/view.html.j2, view.js)
    "map title": ("Who partners with whom", "누가 누구와 협력하나"),
    "map title focus": (" — {name} and partners within {depth} link{s}", " — {name}와(과) {depth}단계 안의 파트너"),
    "map title source": (" — source {source}", " — 출처 {source}"),
    "map find": ("Find an organisation", "조직 찾기"),
    "map find placeholder": ("name or id, in English or Korean", "이름이나 id (한국어 또는 영어)"),
    "map results": ("search results", "검색 결과"),
    "map no match": ("No match among the nodes shown", "표시된 노드 중 일치하는 것 없음"),
    "map fit": ("Fit", "전체 보기"),
    "map fit title": ("Fit the whole network in view", "네트워크 전체를 화면에 맞추기"),
    "map zoom in": ("Zoom in", "확대"),
    "map zoom out": ("Zoom out", "축소"),
    "map reset": ("Reset", "초기화"),
    "map reset title": ("Clear the search, filters and selection", "검색·필터·선택을 모두 지우기"),
    "map labels": ("Labels", "표시 언어"),
    "map relations": ("Relations", "관계"),
    "map source": ("Source", "출처"),
    "map all sources": ("All sources", "모든 출처"),
    "map nodes": ("Nodes", "노드"),
    "map hint": ("Click a node to highlight its partners and list its relations with their sources; drag to move, "
                 "scroll to zoom. Node size: number of partners.",
                 "노드를 클릭하면 파트너가 강조되고 관계와 그 출처가 나열됩니다. 끌어서 옮기고, 스크롤로 "
                 "확대·축소합니다. 노드 크기: 파트너 수."),
    "map network": ("partnership network", "파트너십 네트워크"),
    "map counts": ("Showing {nodes} of {all_nodes} nodes and {links} of {all_links} links ({facts} facts)",
                   "노드 {all_nodes}개 중 {nodes}개, 연결 {all_links}개 중 {links}개 표시 (사실 {facts}건)"),
    "map laying out": ("Laying out… {p}%", "배치 중… {p}%"),
    "map close": ("Close", "닫기"),
    "map partners relations": ("{partners} partners · {relations} relations", "파트너 {partners} · 관계 {relations}"),
    "map shown": ("{partners} partners, {links} links shown", "표시된 파트너 {partners}곳, 연결 {links}개"),
    "map show all": ("Show all", "모두 보기"),
    "map show neighbourhood": ("Show only this neighbourhood", "이 노드의 이웃만 보기"),
    "map link": (" · {n} link", " · 연결 {n}개"),
    "map links": (" · {n} links", " · 연결 {n}개"),
    "map gpus": ("{n} GPUs", "GPU {n}개"),
    "map contradiction link": ("⚠ {n} link in a contradiction", "⚠ 출처끼리 모순인 연결 {n}개"),
    "map contradiction links": ("⚠ {n} links in a contradiction", "⚠ 출처끼리 모순인 연결 {n}개"),
    "map fact-check": ("Fact-check", "사실 확인"),
    "map only contradictions": ("⚠ contradiction (show only these)", "⚠ 모순 (이것만 보기)"),
    "map fact-check hint": (
        "Red line and ⚠: the sources' figures for this link cannot all be true (their value sets do not overlap), "
        "or one source's shares cannot add up to the total. ≈ (in a link's details): the figures differ only in "
        "hedge, precision or level and agree; not a conflict. Hover a link to see every value with its sources "
        "and the reason for the verdict.",
        "빨간 선과 ⚠: 출처들의 수치가 동시에 참일 수 없는 연결(값의 범위가 겹치지 않음), 또는 한 출처의 배분 "
        "합계가 총량에 맞을 수 없는 연결입니다. ≈ 표시(연결 정보 안): 한정어·정밀도·단위 수준만 다르고 서로 맞는 "
        "수치로, 충돌이 아닙니다. 연결에 마우스를 올리면 각 값과 출처, 판정 이유가 보입니다."),
    # kg serve --cors and --public-url (kg/serve_cors.py); a refused preflight is answered in the request's language
    "cors any origin": ("warning: --cors '*' lets every web page a visitor of this machine opens read the endpoint's "
                        "answers — name the origins instead (--cors https://yasgui.example.org) unless the data is "
                        "public",
                        "경고: --cors '*'는 이 컴퓨터 사용자가 여는 어떤 웹 페이지든 이 엔드포인트의 응답을 읽게 "
                        "합니다 — 공개 데이터가 아니라면 출처를 지정하세요 (--cors https://yasgui.example.org)"),
    "cors not an origin": ("--cors {origin}: not an origin — give scheme, host and port as a browser sends them "
                           "(http://localhost:3000, https://yasgui.example.org, no path or slash at the end), or "
                           "'*' for any page",
                           "--cors {origin}: 출처 형식이 아닙니다 — 브라우저가 보내는 형식(스킴, 호스트, 포트, 끝에 "
                           "경로나 슬래시 없이)으로 쓰거나 모든 페이지를 허용하려면 '*'를 쓰세요"),
    "cors public url": ("--public-url {url}: give the endpoint's URL as clients reach it, such as "
                        "https://sparql.example.org/kg/query (http or https, no query or fragment)",
                        "--public-url {url}: 클라이언트가 접속하는 엔드포인트 URL을 쓰세요 (예: "
                        "https://sparql.example.org/kg/query; http나 https, 질의 문자열이나 프래그먼트 없이)"),
    "cors origin refused": ("pages on {origin} may not query this endpoint — start kg serve with --cors {origin} to "
                            "allow them",
                            "{origin}의 페이지는 이 엔드포인트에 질의할 수 없습니다 — 허용하려면 kg serve를 --cors "
                            "{origin} 옵션으로 시작하세요"),
    "cors method refused": ("{method} is not a method of this read-only endpoint — use GET or POST",
                            "이 읽기 전용 엔드포인트는 {method} 요청을 받지 않습니다 — GET이나 POST를 쓰세요"),
    "cors headers refused": ("request headers not allowed: {headers} — send only Accept and Content-Type",
                             "허용되지 않는 요청 헤더: {headers} — Accept와 Content-Type만 보내세요"),
    # kg serve's error answers (kg/serve.py, kg/serve_engine.py)
    # in the language of the request's Accept-Language (kg.serve.request_language); engine text quoted as it is
    "endpoint use /query": ("no such endpoint — use /query", "그런 엔드포인트는 없습니다 — /query를 쓰세요"),
    "endpoint read-only": ("this endpoint is read-only: SPARQL Update and the Graph Store Protocol are refused",
                           "이 엔드포인트는 읽기 전용입니다: SPARQL Update와 Graph Store Protocol은 거부합니다"),
    "endpoint no page": ("no such page: {path} — the endpoint is /query",
                         "그런 페이지는 없습니다: {path} — 엔드포인트는 /query입니다"),
    "endpoint no endpoint": ("no such endpoint: {path} — use /query",
                             "그런 엔드포인트는 없습니다: {path} — /query를 쓰세요"),
    "endpoint query in URL": ("a POST carries its query in the body, not in the URL — send it once",
                              "POST는 질의를 URL이 아니라 본문에 담습니다 — 한 번만 보내세요"),
    "endpoint not UTF-8": ("the request body is not UTF-8", "요청 본문이 UTF-8이 아닙니다"),
    "endpoint content type": ("a query is sent as application/sparql-query or application/x-www-form-urlencoded, "
                              "not {ctype}",
                              "질의는 application/sparql-query나 application/x-www-form-urlencoded로 보내야 "
                              "합니다 (받은 형식: {ctype})"),
    "endpoint no content type": ("without a Content-Type", "Content-Type 없음"),
    "endpoint chunked": ("send the query with a Content-Length, not chunked",
                         "질의는 chunked가 아니라 Content-Length를 붙여 보내세요"),
    "endpoint length not number": ("Content-Length must be a number of bytes",
                                   "Content-Length는 바이트 수여야 합니다"),
    "endpoint no length": ("a POST needs a Content-Length", "POST에는 Content-Length가 있어야 합니다"),
    "endpoint body too big": ("the request body is larger than {limit} bytes",
                              "요청 본문이 {limit}바이트보다 큽니다"),
    "endpoint bad parameters": ("cannot read the parameters ({reason})", "매개변수를 읽을 수 없습니다 ({reason})"),
    "endpoint one query": ("give one query: ?query=… (GET), or POST it; the query page is at /",
                           "질의 하나를 주세요: ?query=… (GET) 또는 POST로. 질의 페이지는 /에 있습니다"),
    "endpoint busy": ("too many queries are waiting — try again shortly",
                      "기다리는 질의가 너무 많습니다 — 잠시 뒤 다시 해 보세요"),
    "endpoint timeout": ("the query ran longer than the time limit of {limit} s and was stopped — narrow it down or "
                         "ask for a higher --timeout",
                         "질의가 제한 시간 {limit}초를 넘겨 멈췄습니다 — 범위를 좁히거나 더 긴 --timeout을 "
                         "요청하세요"),
    "endpoint the query": ("the query", "질의"),
    "endpoint service": ("the query uses SERVICE {service}: this endpoint does not send requests to other servers "
                         "— query them yourself",
                         "질의에 SERVICE {service} 호출이 있습니다: 이 엔드포인트는 다른 서버로 요청을 보내지 않습니다 "
                         "— 그 서버에 직접 질의하세요"),
    "endpoint bad graph IRI": ("default-graph-uri or named-graph-uri is not an IRI ({reason})",
                               "default-graph-uri나 named-graph-uri가 IRI가 아닙니다 ({reason})"),
    "endpoint no format": ("no answer format the Accept header allows — this query's answer comes as {offered}",
                           "Accept 헤더가 허용하는 답 형식이 없습니다 — 이 질의의 답은 다음 형식으로 옵니다: "
                           "{offered}"),
    "endpoint update refused": ("this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, DROP, …) is "
                                "refused",
                                "이 엔드포인트는 읽기 전용입니다: SPARQL Update(INSERT, DELETE, LOAD, DROP 등)는 "
                                "거부합니다"),
    "endpoint syntax error": ("SPARQL syntax error: {message}", "SPARQL 구문 오류: {message}"),
    "endpoint answer too big": ("the answer is larger than {limit}, more than this endpoint sends — add a LIMIT or "
                                "narrow the query",
                                "답이 {limit}보다 커서 이 엔드포인트가 보내는 한도를 넘습니다 — LIMIT을 더하거나 "
                                "질의 범위를 좁히세요"),
    "endpoint no network": ("this endpoint does not send requests to other servers",
                            "이 엔드포인트는 다른 서버로 요청을 보내지 않습니다"),
    "endpoint query failed": ("the query failed: {message}", "질의 실패: {message}"),
    # kg serve's query page (kg/templates/serve.html reads them through its page data)
    "serve title": ("kg SPARQL endpoint", "kg SPARQL 엔드포인트"),
    "serve intro": ("Read-only SPARQL 1.1 endpoint at /query. The default graph is the union of all named graphs; "
                    "the prefixes {prefixes} are predeclared, so a query needs no PREFIX lines for them.",
                    "/query의 읽기 전용 SPARQL 1.1 엔드포인트. 기본 그래프는 모든 이름 있는 그래프의 합집합임. 다음 "
                    "접두어는 미리 선언되어 있어 PREFIX 줄 없이 쓸 수 있음: {prefixes}"),
    "serve language": ("Language", "언어"),
    "serve examples": ("Example", "예제"),
    "serve examples choose": ("a named query…", "이름 있는 질의 선택…"),
    "serve editor": ("SPARQL query", "SPARQL 질의"),
    "serve run": ("Run query", "질의 실행"),
    "serve running": ("running…", "실행 중…"),
    "serve row": ("{n} row ({secs} s)", "{n}행 ({secs}초)"),
    "serve rows": ("{n} rows ({secs} s)", "{n}행 ({secs}초)"),
    "serve graph": ("graph, as Turtle ({secs} s)", "그래프, Turtle 형식 ({secs}초)"),
    "serve yes": ("yes ({secs} s)", "예 ({secs}초)"),
    "serve no": ("no ({secs} s)", "아니요 ({secs}초)"),
    "serve read-only": ("This endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, DROP, …) is refused.",
                        "이 엔드포인트는 읽기 전용이라 SPARQL Update(INSERT, DELETE, LOAD, DROP 등)는 거부됨."),
    "serve failed": ("The query failed (HTTP {status}): {message}", "질의 실패 (HTTP {status}): {message}"),
    "serve unreachable": ("The endpoint did not answer: {message}", "엔드포인트가 응답하지 않음: {message}"),
    "serve download": ("Download:", "내려받기:"),
    "serve csv": ("CSV", "CSV"),
    "serve json": ("JSON", "JSON"),
    "serve turtle": ("Turtle", "Turtle 형식"),
    # the status and date filters (as kg path and kg neighbors have: --status, --since/--until)
    "map status": ("Status", "상태"),
    "map status hint": ("While a status is unticked, relations that state no status are hidden too.",
                        "상태를 하나라도 해제하면 상태가 밝혀지지 않은 관계도 숨겨집니다."),
    "map dates": ("Dated", "날짜"),
    "map since": ("From", "부터"),
    "map until": ("Until", "까지"),
    "map date placeholder": ("YYYY, YYYY-MM or YYYY-MM-DD", "YYYY, YYYY-MM 또는 YYYY-MM-DD"),
    "map date hint": ("A relation is dated by the agreement's date, else by the first report of it; while a date is "
                      "set, relations with neither are hidden.",
                      "관계의 날짜는 합의 날짜이고, 없으면 처음 보도된 날짜입니다. 날짜를 정하면 둘 다 없는 관계는 "
                      "숨겨집니다."),
    "map date bad": ("{text} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (not applied)",
                     "{text}은(는) 날짜가 아닙니다: YYYY, YYYY-MM 또는 YYYY-MM-DD로 쓰세요 (적용하지 않음)"),
    "map dates swapped": ("From {since} is after until {until}: swap them",
                          "시작 {since}이(가) 끝 {until}보다 늦습니다: 두 날짜를 바꾸세요"),
    "map empty": ("No relation passes the filters. Tick more relation kinds or statuses, widen the dates, or press "
                  "Reset.",
                  "필터를 통과하는 관계가 없습니다. 관계 종류나 상태를 더 선택하거나, 날짜 범위를 넓히거나, "
                  "초기화를 누르세요."),
}

#: The messages the map page shows besides its own "map …" ones (the page data carries them all).
PAGE_SHARED = ("also", "products", "topics", "this link", "para list", "inference head", "note")

_FIELD = r"\{(\w*)(?:![rsa])?(?::[^}]*)?\}"  # (compiled where it is used: kg query's table note imports no re)


#: Korean particles a message can ask for after a word, {name:은} (either form names the pair).
PARTICLES = {p: pair for pair in (("은", "는"), ("이", "가"), ("을", "를"), ("과", "와")) for p in pair}


class _Word(str):
    """A value in a message, which can also be formatted as the particle that follows it ({label:은} -> 는 after
    엔비디아) or, in English, with its article ({kind:a} -> 'a company')."""

    def __format__(self, spec: str) -> str:
        if spec in PARTICLES:
            return josa(self, *PARTICLES[spec])
        if spec == "a":
            return a(self)
        return format(str(self), spec)


class _Count(int):
    """A number in a message, which can also be formatted as the English plural ending of the word after it
    ({n} fact{n:s}: '1 fact', '2 facts') or of a verb whose subject it counts (cite{n:v}: '1 fact cites')."""

    def __format__(self, spec: str) -> str:
        if spec == "s":
            return "" if self == 1 else "s"
        if spec == "v":
            return "s" if self == 1 else ""
        return format(int(self), spec)


class Phrase(str):
    """A message that is English as a str and keeps its key and values, so that as the value of another message
    it is put into that message's language, such as the hint inside an error (kg.errors.KgError.of)."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, **values: Any) -> Phrase:
        phrase = super().__new__(cls, tr(key, "en", **values))
        phrase.key, phrase.values = key, values
        return phrase

    def text(self, lang: str = "en") -> str:
        return tr(self.key, lang, **self.values)

    def __reduce__(self) -> tuple:
        """Pickled as its key and values (an error's message crosses from kg.sandbox's worker so)."""
        return _phrase, (self.key, self.values)


def _phrase(key: str, values: dict[str, Any]) -> Phrase:
    return Phrase(key, **values)


class OrList(tuple):
    """Words shown as 'a, b or c' in the reader's language (or_list), as a value of a message."""

    def text(self, lang: str = "en") -> str:
        return or_list(list(self), lang)


def _value(v: Any, lang: str) -> Any:
    if callable(getattr(v, "text", None)):  # a Phrase, an OrList, an error quoted in another error
        v = v.text(lang)
    if isinstance(v, str):
        return _Word(v)
    return _Count(v) if isinstance(v, int) and not isinstance(v, bool) else v


def tr(key: str, lang: str = "en", **values: Any) -> str:
    """MESSAGES[key] in the language ('ko', or anything else for English), with {names} filled in: {name:은}
    is the Korean particle after the value, {name:a} the value with its English article, {n:s} the plural
    ending after a count."""
    text = MESSAGES[key][lang == "ko"]
    if not values:
        return text
    return text.format(**{k: _value(v, lang) for k, v in values.items()})


def or_list(words: list[str], lang: str = "en", sep: str = "list sep", last: str = "list or") -> str:
    """'a, b or c' in English; in Korean as the messages sep and last say ('a, b, c' or 'a·b·c')."""
    if len(words) < 2 or words[-1] == "…":
        return ", ".join(words)
    return tr(sep, lang).join(words[:-1]) + tr(last, lang) + words[-1]


def definition(lang: str = "en") -> str:
    """DEFINITION in the language."""
    return DEFINITION["ko" if lang == "ko" else "en"]


def note(text: str, lang: str = "en") -> str:
    """A curator's note as written; on a Korean page or report, one not in Korean is marked as such."""
    korean = any("가" <= char <= "힣" for char in text)  # a Hangul syllable
    return tr("note", lang, note=text) if lang == "ko" and not korean else text


def both(key: str) -> dict[str, str]:
    """A message in both languages, {"en": …, "ko": …}."""
    en, ko = MESSAGES[key]
    return {"en": en, "ko": ko}


def fields(text: str) -> set[str]:
    """The {names} a message fills in."""
    import re

    return set(re.findall(_FIELD, text))


def page_messages() -> dict[str, list[str]]:
    """The map page's messages, key -> [English, Korean], for view.js's t()."""
    return {k: list(v) for k, v in sorted(MESSAGES.items()) if k.startswith("map ") or k in PAGE_SHARED}



def serve_messages() -> dict[str, list[str]]:
    """kg serve's query page's messages, key -> [English, Korean], for serve.html's t()."""
    return {k: list(v) for k, v in sorted(MESSAGES.items()) if k.startswith("serve ")}

def a(word: str) -> str:
    """An English noun with its indefinite article ('an organisation')."""
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def josa(word: str, with_final: str, without_final: str) -> str:
    """The Korean particle after a word: 이/가, 은/는, 을/를 by whether its last syllable ends in a consonant."""
    last = word.rstrip()[-1:] or " "
    if "가" <= last <= "힣":
        return with_final if (ord(last) - 0xAC00) % 28 else without_final
    return without_final if last.isalpha() and last.lower() in "aeiouy" else with_final
