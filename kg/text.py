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

import re
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
    "entity spelling": ("check the spelling; kg query -e 'SELECT ?id ?name { ?id rdfs:label ?name }' lists every "
                        "entity's names",
                        "철자를 확인하세요; kg query -e 'SELECT ?id ?name { ?id rdfs:label ?name }'가 모든 항목의 "
                        "이름을 보여 줍니다"),
    "entity unknown": ("unknown entity '{text}' — {hint}", "알 수 없는 항목 '{text}' — {hint}"),
    # seed-file problems (kg/seeds.py, kg/fieldkinds.py, kg/model.py) and kg build's summary
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
    "conflicts summary": ("{n} contradiction(s): {figures} between figures, {sums} in sums; {consistent} consistent "
                          "difference(s), not counted.",
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

HANGUL = re.compile(r"[가-힣]")
_FIELD = re.compile(r"\{(\w*)(?:![rsa])?(?::[^}]*)?\}")


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
    return tr("note", lang, note=text) if lang == "ko" and not HANGUL.search(text) else text


def both(key: str) -> dict[str, str]:
    """A message in both languages, {"en": …, "ko": …}."""
    en, ko = MESSAGES[key]
    return {"en": en, "ko": ko}


def fields(text: str) -> set[str]:
    """The {names} a message fills in."""
    return set(_FIELD.findall(text))


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
