# vanban's messages in English: the default, what `Display` prints.
# Ids are grouped by the module that says them; user values are quoted here, in the message.

## Labels and the words of locations

label-error = error
label-warning = warning
label-note = note
label-hint = hint
place-paragraph = paragraph
place-table = table
place-row = row
place-cell = cell
place-line = line
place-record = record
place-column = column

## Shared pieces

empty = {""}
and-more = {" "}and { $count } more
input-and-more-in-column = {" "}(and { $count } more in this column)

## Status lines of the command line

cli-wrote-documents = wrote { $count } { $count ->
        [one] document
       *[other] documents
    } to { $out }/
cli-wrote-documents-of-kinds = wrote { $count } { $count ->
        [one] document
       *[other] documents
    } of { $kinds } { $kinds ->
        [one] kind
       *[other] kinds
    } to { $out }/ (summary in { $out }/{ $summary })
cli-documents-failed = error: { $failed } of { $total } { $total ->
        [one] document
       *[other] documents
    } failed; { $written } written to { $out }/
cli-numbers-a-run-would-print = numbers a run would print (the register is not changed):
cli-no-problems-found = { $file }: no problems found
cli-no-errors-warnings = { $file }: no errors; { $count } { $count ->
        [one] warning
       *[other] warnings
    }
cli-problems-found-in = error: { $count } { $count ->
        [one] problem
       *[other] problems
    } found in { $file }
cli-problems-found-nothing-written = error: { $count } { $count ->
        [one] problem
       *[other] problems
    } found; nothing was written
cli-wrote-template = wrote a { $kind } template to { $file }
cli-offset-only-calibration = only the calibration page takes a printer offset
cli-offset-moves-frames-when-rendered = a template's frames move by the offset when it is rendered (render --offset, [print] offset_mm)
cli-wrote-calibration = wrote the calibration page to { $file }; print it at actual size
convert-interrupted = interrupted: LibreOffice stopped; no half-written PDF is left

manifest-rule = rule '{ $name }': { $message }
manifest-message = { $place }: { $message }
manifest-not-whole-number-here = { $place }: '{ $value }' is not a whole number here ({ $base })
manifest-quota-has-over-quota = quota '{ $name }': '{ $value }' has { $count }, over its quota of { $limit }{ $why }
manifest-no-source = { $place }: no source '{ $name }'
manifest-did-you-mean = did you mean '{ $near }'?
manifest-sources = the sources are { $value }
manifest-no-column = { $place }: no column '{ $field }' in { $source }
manifest-register-has-no-column-header = the register has no column '{ $header }' in its header row
manifest-row-1-sheet-holds-headers = row 1 of the sheet { $sheet } holds the headers: { $headers }
manifest-register-s-cell-holds-error = the register's cell holds an error value ({ $value })
manifest-does-not-start-with-number = '{ $number }' does not start with a number
manifest-write-number-then-then-symbol = write the number, then '/', then the symbol: 05/KH-STNMT
manifest-number-book-but-date-numbers = the number { $number } is in the book of { $year }, but its date { $date } ({ $date_at }) is in { $date_year }; numbers restart each year
manifest-not-year = '{ $year_text }' is not a year
manifest-number-has-no-date = the number { $number } has no date
manifest-write-document-s-date-dd = write the document's date (dd/mm/yyyy): its year is the book's
manifest-number-book-already-one-number = the number { $seq } of the book { $book } ({ $year }) is already at { $first }: one number belongs to one document
manifest-document-already-has-number-book = the document '{ $key }' already has a number in the book { $book } ({ $year }), at { $first }
manifest-cannot-make-register = cannot make the register: { $e }
manifest-cannot-write-register = cannot write the register: { $e }
manifest-close-register-if-open-excel = close the register if it is open in Excel, and check the folder can be written
manifest-dates-no-document-kind = dates: '{ $date }' is no document kind
manifest-dated-not = { $date }: dated { $date2 }, not { $words ->
        [after] after
        [on-or-after] on or after
        [before] before
       *[on-or-before] on or before
    } { $bound } ({ $other }){ $why }
manifest-order-set = the order is set at { $here }
manifest-formats-unknown-format = formats: unknown format '{ $other }'
manifest-formats-docx-pdf-e-g = formats are "docx" and "pdf", e.g. formats = ["docx", "pdf"]
manifest-formats-empty-documents-would-make = formats: empty; the documents would make no file
manifest-formats-docx-pdf-docx-pdf = formats = ["docx"], ["pdf"] or ["docx", "pdf"]
manifest-cannot-write-summary = cannot write the summary: { $e }
manifest-from-earlier-run-not-written = { $count } { $count ->
        [one] document
       *[other] documents
    } from an earlier run { $count ->
        [one] was
       *[other] were
    } not written by this run: { $shown }{ $more }
manifest-they-listed-summary-vanban-run = they are listed in the summary; `vanban run --clean` removes them
manifest-cannot-remove-stale-document = cannot remove the stale document: { $e }
manifest-message-2 = { $place }: { $m }
manifest-no-vote-count-nominee-marked = { $place }: no vote count; the nominee is marked not passed
manifest-not-members-present = { $place }: { $what }, not the { $present } members present
manifest-against-make-more-votes-than = { $place }: { $yes } for and { $no } against make more votes than the { $members } members
manifest-one-true-needs-key = { $place }: 'one = true' needs a 'key'
manifest-no-column-2 = { $place }: no column '{ $key }'
manifest-matches-no-row = '{ $key }' matches no row of '{ $into }' ({ $parent_source })
manifest-add-correct-code = add '{ $key }' to { $parent_source }, or correct the code
manifest-matches-no-row-2 = '{ $key }' matches no row of '{ $from }'
manifest-give-either-value-rank = { $place }: give either 'value' or 'rank'
manifest-order-expected-asc-desc-found = { $place }: order: expected "asc" or "desc", found '{ $other }'
manifest-no-field = { $place }: no field '{ $by }' in { $source }
manifest-expected-number-found = { $place }: expected a number in '{ $by }', found { $value }
manifest-cannot-read-manifest = cannot read the manifest: { $e }
manifest-sources-legacy-expected-auto-tcvn3 = sources.{ $name }.legacy: expected auto, tcvn3, vni or off, found '{ $other }'
input-numbers-read-two-ways-with = the numbers of { $name } read two ways ('{ $text }' is { $vietnamese } with a thousands { $comma }, { $english } with a decimal { $comma2 }), so the column is kept as text, as typed
input-templates-print-these-cells-typed = templates print these cells as typed; to make them numbers, write every number of the column in one convention with its decimals (8,5 or 1.250.000)
input-holds-numbers-text-such-whole = { $name } holds numbers and text such as '{ $text }', so the whole column is kept as text, as typed
input-make-column-numbers-leave-only = to make the column numbers, leave only numbers in it (or empty cells)
input-empty = { $what } is empty
input-put-header-row-data-rows = put a header row and data rows in it
input-header-row-0-does-not = header row 0 does not exist: rows are numbered from 1
input-header-row-below-data-last = header row { $n } is below the data: the last row with data is { $last_row }
input-give-header-row-between-1 = give a header row between 1 and { $last_row }
input-header-row-empty = header row { $n } is empty
input-give-number-row-that-holds = give the number of the row that holds the column headers
input-row-taken-header-row-rows = row { $n } is taken as the header row: the rows above it are a title
input-give-header-row-n-take = give --header-row N to take another row (--header-row { $n } says this one)
input-cannot-tell-which-row-holds = cannot tell which row holds the column headers: row { $first } and the rows under it do not look like a header over a table
input-give-header-row-n-number = give --header-row N, the number of the row of the column headers
input-rows-two-row-header-merged = rows { $header_row }-{ $sub } are a two-row header: a merged header over several columns is joined to the header under it (row { $sub } is no record)
input-header-gives-no-field-name = header '{ $header }' gives no field name, so column { $letter } is ignored
input-give-column-header-with-letters = give the column a header with letters or digits
input-header-gives-same-field-name = header '{ $header }' gives the same field name '{ $key }' as '{ $header2 }' in column { $letter }
input-rename-one-two-columns = rename one of the two columns
input-row-gives-no-field-names = row { $header_row } gives no field names: its cells hold no headers
input-column-holds-data-but-has = column { $letter } holds data but has no header, so it is ignored
input-give-header-row-use-templates = give it a header in row { $header_row } to use it in templates
input-has-headers-row-but-no = { $what } has headers in row { $header_row } but no data rows below them
input-check-sheet-header-row-fill = check --sheet and --header-row, or fill in the data
input-differ-only-spaces-they-taken = '{ $typed }' and '{ $first }' in { $letter }{ $first_row } { $how ->
        [accents] differ only in how their accents are encoded
        [both] differ only in spaces and in how their accents are encoded
       *[spaces] differ only in spaces
    }, so they are taken as one value
input-make-two-cells-alike = { $how ->
        [accents] retype one of the two cells with the keyboard set to Unicode dựng sẵn (precomposed), to make them alike
        [both] delete the extra spaces and retype one of the two cells with the keyboard set to Unicode dựng sẵn (precomposed), to make them alike
       *[spaces] delete the extra spaces in the sheet (Find and Replace) to make the two cells alike
    }
manifest-join-key-tidied = the key '{ $typed }' and '{ $first }' in { $cell } { $how ->
        [accents] differ only in how their accents are encoded
        [both] differ only in spaces and in how their accents are encoded
       *[spaces] differ only in spaces
    }, so they are taken as one key
input-cannot-read-workbook-file-damaged = cannot read the workbook: the file is damaged
input-open-excel-libreoffice-save-again = open it in Excel or LibreOffice and save it again
input-cannot-read-workbook-with-name = cannot read the workbook: it is { $what } with a .{ $extension } name, not a real .{ $extension } file
input-open-excel-libreoffice-calc-save = open it in Excel (or LibreOffice Calc) and save it as an Excel Workbook (.xlsx)
input-sheet-read-before-hidden = the sheet '{ $first }' is read: { $hidden } before it { $count ->
        [one] is
       *[other] are
    } hidden
input-give-sheet-name-read-another = give --sheet NAME to read another sheet
input-workbook-has-no-sheets = the workbook has no sheets
input-no-sheet = no sheet '{ $wanted }'
input-hidden-sheet-s-autofilter-left = { $noun ->
        [row] row { $numbers } is hidden by the sheet's AutoFilter, so it is left out
       *[other] rows { $numbers } are hidden by the sheet's AutoFilter, so they are left out
    }
input-read-every-row-clear-filter = to read every row, give --keep-filtered (keep_filtered = true in a manifest's source), or clear the filter (Data > Clear) and save
input-hidden-autofilter-kept = { $noun ->
        [row] row { $numbers } is hidden by the sheet's AutoFilter; it is read like the others, as asked
       *[other] rows { $numbers } are hidden by the sheet's AutoFilter; they are read like the others, as asked
    }
input-hidden-sheet-read-like-others = { $noun ->
        [row] row { $numbers } is hidden in the sheet; it is read like the others
       *[other] rows { $numbers } are hidden in the sheet; they are read like the others
    }
input-hidden-sheet-read-like-others-2 = { $noun ->
        [column] column { $columns } is hidden in the sheet; it is read like the others
       *[other] columns { $columns } are hidden in the sheet; they are read like the others
    }
input-cell-holds-formula-with-no = the cell holds a formula with no saved value{ $more }; it reads as empty
input-open-workbook-excel-libreoffice-save = open the workbook in Excel or LibreOffice and save it: they store each formula's value
input-cannot-read-workbook-file-damaged-2 = cannot read the workbook: the file is damaged (it has a cell in row { $row } column { $column }, past XFD1048576, the last cell of a sheet)
input-sheet-too-large-read-cells = the sheet is too large to read: its cells reach column { $column } and row { $last }
input-delete-rows-columns-past-table = delete the rows and columns past the table (select them, Delete) and save
input-cannot-read-workbook-protected-password = cannot read the workbook: it is protected by a password
input-open-remove-password-open-file = open it, remove the password to open (File > Info > Protect Workbook) and save it
input-cannot-read-workbook-file-damaged-3 = cannot read the workbook: the file is damaged (its content is cut short or is not well-formed XML)
input-open-libreoffice-calc-excel-save = open it in LibreOffice Calc or Excel and save it again
input-cannot-read-workbook-not-file = cannot read the workbook: it is not a .{ $extension } file, or it is damaged or cut short
input-check-that-file-spreadsheet-saved = check that the file is a spreadsheet saved by Excel or LibreOffice
input-cannot-read-workbook = cannot read the workbook: { $reason }
input-converted-cell-typed-unicode = converted { $n } { $n ->
        [one] cell
       *[other] cells
    } typed in { $name } to Unicode: { $list }
input-check-converted-text-give-legacy = check the converted text; give --legacy off to keep the text as it was typed
input-json-file-has-no-sheets = a JSON file has no sheets or header rows, so the { $and } given is ignored
input-invalid-json = invalid JSON: { $message }
input-expected-array-objects-one-object = expected an array of objects or one object, found { $whole }
input-write-key-value-rows-key = write [{"{"}"key": value, ...{"}"}, ...] for rows, or {"{"}"key": value, ...{"}"} for one document
input-expected-object-found = expected an object, found { $record }
input-each-element-array-must-object = each element of the array must be an object: {"{"}"key": value, ...{"}"}
input-csv-file-has-no-sheets = a CSV file has no sheets, so the sheet '{ $sheet }' is not looked for
input-file-not-utf-8-was = the file is not UTF-8: it was read as Windows-1258 (Vietnamese)
input-file-not-utf-8-was-2 = the file is not UTF-8: it was read as TCVN3 (ABC) and converted to Unicode
input-cannot-read-csv-file = cannot read the CSV file: { $reason }
input-file-not-utf-8-text = the file is not UTF-8 text and its encoding cannot be told for certain (cell { $column }{ $number })
input-use-spreadsheet-xlsx-xlsm-xls = use a spreadsheet (.xlsx, .xlsm, .xls, .xlsb, .ods), a .csv file (UTF-8) or a .json file
input-no-such-file-there-no = no such file: there is no folder { $shown }/
input-no-such-file-looked = no such file (looked in { $shown }/)
docx-cannot-read-file = cannot read the file: { $reason }
docx-cannot-read-template-protected-password = cannot read the template: it is protected by a password
docx-open-word-remove-password-open = open it in Word, remove the password to open (File > Info > Protect Document) and save it
docx-not-docx-file-word-97 = not a .docx file: it is a Word 97-2003 document (.doc)
docx-open-word-libreoffice-writer-save = open it in Word or LibreOffice Writer and save it as .docx
docx-save-template-from-word-libreoffice = save the template from Word or LibreOffice Writer as .docx
docx-broken-zip-entry = broken zip entry { $i }: { $reason }
docx-not-docx-file-has-no = not a .docx file: it has no '[Content_Types].xml'
docx-this-part-not-utf-8 = this part is not UTF-8 text
docx-cannot-read-this-part = cannot read this part: { $reason }
docx-damaged-file-fails-checksum = damaged file: { $name } fails its checksum
docx-file-was-damaged-copy-download = the file was damaged in a copy or a download: take it again from where it came from, or save it again from Word
docx-cannot-inflate-this-part = cannot inflate this part: { $reason }
docx-this-part-inflates-more-than = this part inflates to more than { $mib } MiB; refusing it
docx-not-word-document-main-part = not a Word document: its main part '{ $target }', named in '_rels/.rels', is missing
eval-message = { $place }'{ $source }': { $reason }{ $rendering }
context-group-no-column-data = --group-by: no column '{ $field }' in the data
cli-expected-key-value-found = expected KEY=VALUE, found '{ $item }'
cli-example-set-nam-2025 = for example --set nam=2025
cli-expected-least-1 = expected at least 1
cli-expected-docx-pdf-file-name = expected a .docx or .pdf file name, found '{ $combine }'
cli-expected-x-y-mm-found = expected X,Y in mm, found '{ $text }'
cli-example-offset-1-5-2 = for example --offset 1.5,-2 (1.5 mm right, 2 mm up)
cli-cell-holds-error = the cell holds the error '{ $value }'
cli-cannot-write-output = cannot write the output: { $e }
cli-unknown-kind = unknown kind '{ $kind }'
cli-kinds = the kinds are { $kinds }
cli-expected-docx-file-name = expected a .docx file name
cli-file-exists-already = the file exists already
cli-choose-another-name-add-force = choose another name, or add --force to replace it
cli-cannot-write-file = cannot write the file: { $e }
convert-libreoffice-needed-make-pdfs = LibreOffice is needed to make PDFs: { $detail }
convert-install-debian-ubuntu-sudo-apt = install it (Debian or Ubuntu: `sudo apt-get install libreoffice-writer-nogui`; Windows: LibreOffice's installer from libreoffice.org), or set VANBAN_SOFFICE to its soffice program
batch-pdfs-were-asked-but-libreoffice = PDFs were asked for, but LibreOffice was not set up
batch-cannot-write-output-folder = cannot write in the output folder: { $e }
batch-cannot-start-worker-threads = cannot start worker threads: { $e }
batch-cannot-make-pdf = cannot make the PDF: { $reason }
batch-empty-document-not-made = { $stem }: '{ $header }' is empty; the document is not made
batch-fill-leave-row-out-list = fill in '{ $header }', or leave the row out of the list
batch-cannot-write-document = cannot write the document: { $e }
batch-message = '{ $pattern }': { $e }
batch-rendering = { $reason } (rendering { $origin })
batch-number-from-data-already-register = { $subject }: the number { $full } from the data is already in the register for { $key }{ $p }
check-needs = { $text }: { $field } needs { $what }
check-write-what-reads-after-name = write what it reads after its name: { $example }
check-message = { $text }: { $what }
check-did-you-mean-column = did you mean '[{ $header }]' (column { $letter })?
check-rows-count-exist-only-with = 'rows' and 'count' exist only with --group-by
check-has-fields = { $source } has the fields { $key }
check-template-uses = { $message } and the template uses '{ $key }'
check-fix-formula-spreadsheet-clear-cell = fix the formula in the spreadsheet, or clear the cell
check-none-template-s-fields-data = none of the template's fields is in the data; if the headers sit below a title, give --header-row N
check-records-lack-field-record = { $lacking } of { $count } records lack the field '{ $key }' ({ $lacking ->
        [one] record
       *[other] records
    } { $shown }{ $more })
check-no-tag-reads-columns = no tag reads the columns { $columns }
template-inside-which-word-does-not = '{ $text }' is inside { $place }, which Word does not show
template-type-tag-plain-text-paragraph = type the tag as plain text of the paragraph
template-message = { $text }: { $message }
template-see-helpers-listed-readme = see the helpers listed in the README
template-this-tag-cannot-read = { $what }this tag cannot be read


manifest-correct-counts-record-members-who = correct the counts, or record in '{ $name }' the members who did not vote
manifest-record-members-who-did-not-vote = record the members who did not vote in a column and name it with 'abstained'
input-unsupported-data-file-type-file = unsupported data file type: the file name has no extension
input-unsupported-data-file-type = unsupported data file type '.{ $extension }'
input-no-such-file = no such file
input-cannot-read-file-permission-denied = cannot read the file: permission denied
input-cannot-read-file-folder = cannot read the file: it is a folder
input-cannot-read-file = cannot read the file: { $e }
input-workbook-has-one-sheet = the workbook has one sheet: { $list }
input-workbook-has-sheets = the workbook has the sheets { $list }
input-save-as-csv-utf8 = in Excel 2016 or later, save it as 'CSV UTF-8 (Comma delimited)'; Excel 2010-2013 has no CSV UTF-8: hand over the .xlsx instead
input-row-totals-row-not-record = row { $number } is a totals row ('{ $word }'), not a record, so it is left out
input-row-section-heading-not-record = row { $number } is a section heading ('{ $text }'), not a record: the rows under it have it in the field '_muc'
input-row = row { $number }
input-rows = rows { $number }-{ $last }
input-signature-block-under-table-not = { $which }: the signature block under the table ('{ $text }'), not records, so they are left out
batch-output-folder-file = the output folder is a file
batch-cannot-create-output-folder = cannot create the output folder: { $e }
template-message-2 = { $tag }:{" "}
template-needs = { $at }{ $path } needs { $what }
template-no-field-data = { $at }no field '{ $path }' in the data
template-add-column-data-write-default = add a column '{ $path }' to the data, or write {"{"}{"{"}default { $path } "..."{"}"}{"}"}
template-unknown-helper = { $at }unknown helper '{ $name }'
template-message-3 = { $at }{ $message }
template-message-4 = { $at }{ $other }
template-outside-any-block = { $text } is outside any block
template-use-between-if-if-remove = use it between {"{"}{"{"}#if ...{"}"}{"}"} and {"{"}{"{"}/if{"}"}{"}"}, or remove it
template-does-not-match = { $text } does not match { $tag }
template-opened-paragraph-close-with = { $tag } opened at paragraph { $tag2 }; close it with {"{"}{"{"}/{ $helper }{"}"}{"}"}
template-closes-no-open-block = { $text } closes no open block
template-remove-open-block-before-with = remove it, or open the block before it with {"{"}{"{"}#{ $name } ...{"}"}{"}"}
template-unclosed = unclosed { $tag }
template-close-with-before-paragraph = close it with {"{"}{"{"}/{ $helper }{"}"}{"}"} before { $text } at paragraph { $paragraph }
template-close-with = close it with {"{"}{"{"}/{ $helper }{"}"}{"}"}
template-paragraph-holds-tags-table-row = paragraph { $p } holds tags of a table-row block and of a paragraph block
template-put-each-block-s-tags = put each block's tags in paragraphs of their own
template-row-table-holds-block-over = row { $row } of table { $table } holds { $t } (a block over table rows) and { $open } (a block of another shape)
template-give-each-block-over-rows = give each block over rows tag rows of its own, holding nothing else
template-opens-paragraph-closes-paragraph = { $text } opens in paragraph { $po } and { $text2 } closes in paragraph { $pc }
template-opens-closes-paragraph-but-paragraph = { $text } opens and closes in paragraph { $po } but its { $text2 } is in paragraph { $paragraph }
template-keep-whole-block-one-paragraph = keep the whole block in one paragraph, or give each tag a paragraph of its own
template-sit-different-levels-paragraph-one = { $text } and { $text2 } sit at different levels of paragraph { $po } (one is inside a hyperlink, field or content control)
template-retype-both-tags-plain-text = retype both tags as plain text of the paragraph
template-repeats-table-row-which-cannot = { $text } repeats a table row, which cannot hold { $text2 } (paragraph { $paragraph })
template-opens-row-table-but-closes = { $ot } opens in row { $r1 } of table { $t1 } but { $ct } closes in row { $r2 }
template-block-that-repeats-table-row = a block that repeats a table row opens in its first cell and closes in its last: move { $ct } into row { $r1 }
template-opens-table-cell-table-row = { $ot } opens in a table cell (table { $t }, row { $r }, cell { $cell }) but { $ct } closes outside the table, in paragraph { $pc }
template-close-same-row-s-last = close it in the same row's last cell, or put both tags outside the table, each alone in its paragraph
template-opens-outside-table-but-closes = { $ot } opens outside the table but { $ct } closes in a table cell (table { $t }, row { $r }, cell { $cell })
template-put-both-tags-outside-table = put both tags outside the table, each alone in its paragraph, or in the first and last cell of one row
template-other-tags = other tags
template-text = the text '{ $text }'
template-but-does-not-stand-alone = { $both }, but { $text } does not stand alone in paragraph { $p }
template-move-out-paragraph-keep-whole = move { $what } out of paragraph { $p }, or keep the whole block inside one paragraph
template-which-different-places-body-table = { $both }, which are in different places (body, table cell, text box, header)
template-put-each-alone-paragraph-same = put { $ot } and { $ct } each alone in a paragraph of the same place
template-put-choice-inside-one-cell = put the choice inside one cell, or use two rows each with its own {"{"}{"{"}#if{"}"}{"}"}
template-did-you-mean = did you mean '{"{"}{"{"}{ $word }{"}"}{"}"}'?
template-delete-complete-tag-belonged = delete it, or complete the tag it belonged to
template-stray-after = stray '{"}"}{"}"}' after '{ $before }'
template-printed-typed = { $message }, printed as typed
template-quote-tag-not-closed = a quote (") in the tag is not closed
template-close-tag-with-write-literal = close the tag with '{"}"}{"}"}', or write '\{"{"}{"{"}' for literal braces
template-unclosed-tag = unclosed tag '{ $shown }'
template-malformed-xml-line = malformed XML at line { $line }: { $reason }
template-malformed-xml-line-never-closed = malformed XML: <{ $name }> at line { $line } is never closed
template-malformed-xml-text = malformed XML text '{ $raw }': { $reason }
manifest-name-kind-whose-dates-checked = name the kind whose documents' dates are checked
template-tag-forms = a tag is a field {"{{"}ho_va_ten{"}}"}, a helper and its arguments {"{{"}so tong_tien{"}}"}, or a block {"{{"}#each rows{"}}"} ... {"{{"}/each{"}}"}
template-tag-cannot-read = this tag cannot be read
manifest-toml-error = { $message }
template-unknown-helper-name = unknown helper '{ $name }'
template-helper-takes = '{ $name }' takes { $min } { $min ->
        [one] argument
       *[other] arguments
    }, found { $count }
template-helper-takes-range = '{ $name }' takes { $min } to { $max } arguments, found { $count }
template-helper-takes-at-least = '{ $name }' takes at least { $min } { $min ->
        [one] argument
       *[other] arguments
    }, found { $count }
template-malformed-xml-line-unexpected-end = malformed XML at line { $line }: unexpected end tag
template-not-tag = '{ $text }' is not a tag
template-raw-blocks-not-supported = raw blocks ({"{"}{"{"}{"{"}{"{"} {"}"}{"}"}{"}"}{"}"}) are not supported
template-empty-tag = empty tag
template-partial-blocks-decorators-not-supported = partial blocks and decorators are not supported
template-block-needs-helper-name-like = a block needs a helper name, like {"{"}{"{"}#each rows{"}"}{"}"}
template-closing-tag-needs-block-s = a closing tag needs the block's name, like {"{"}{"{"}/each{"}"}{"}"}
template-partials-name-not-supported = partials ({"{"}{"{"}> name{"}"}{"}"}) are not supported
template-decorators-name-not-supported = decorators ({"{"}{"{"}* name{"}"}{"}"}) are not supported
template-unclosed-expression = unclosed '(' in the expression
template-without-expression = ')' without '(' in the expression
template-after-value-expression = '=' after a value in the expression
template-unclosed-block-parameters = unclosed block parameters 'as |...|'
template-sub-expression-must-start-with = a sub-expression must start with a helper name
template-empty-expression = empty '()' in the expression
template-no-value-after-expression = no value after '=' in the expression
template-unclosed-string-expression = unclosed string in the expression
template-unclosed-expression-2 = unclosed '[' in the expression
template-unexpected-expression = unexpected '{ $start }' in the expression
template-named-argument-with-no-helper = '{ $key }={ $value }' is a named argument with no helper before it
template-print-write-compare-write-if = to print '{ $key }' write {"{"}{"{"}{ $key }{"}"}{"}"}; to compare, write {"{"}{"{"}#if (eq { $key } { $value }){"}"}{"}"}
template-field-name-cannot-end-with = a field name cannot end with '{ $sep }'
template-write-name-what-follows-ten = write {"{"}{"{"}{ $stem }{"}"}{"}"}, or name what follows the '{ $sep }': {"{"}{"{"}{ $stem }{ $sep }ten{"}"}{"}"}
template-inside-field-name = '..' inside the field name '{ $path }'
template-separate-parts-name-with-one = separate the parts of a name with one dot: {"{"}{"{"}{ $fixed }{"}"}{"}"}; '../' reads a field of the block around: {"{"}{"{"}../nam{"}"}{"}"}
template-field-name-cannot-start-with = a field name cannot start with '.'
template-write-this-field-current-row = write {"{"}{"{"}{ $name }{"}"}{"}"}, or {"{"}{"{"}this.{ $name }{"}"}{"}"} for a field of the current row
template-field-name-cannot-start-with-2 = a field name cannot start with '{ $c }'
template-tag-does-no-arithmetic-compute = a tag does no arithmetic: compute the value in a column of the spreadsheet
template-block-opens-with-before-helper = a block opens with '#' before its helper: {"{"}{"{"}#if { $before }{"}"}{"}"}
template-comment-starts-with-ghi-ch = a comment starts with '!': {"{"}{"{"}! ghi chú {"}"}{"}"}
template-root-alone-whole-document-not = '@root' alone is the whole document, not a value
template-name-one-fields-root-nam = name one of its fields: {"{"}{"{"}@root.nam{"}"}{"}"}
template-not-data-variable = '@{ $head }' is not a data variable
template-vanban-knows-print-field-write = vanban knows { $known }; to print the field '{ $head }' write {"{"}{"{"}{ $head }{"}"}{"}"}
template-known-only-inside-each = '@{ $head }' is known only inside {"{"}{"{"}#each{"}"}{"}"}
template-name-hint = a field is named by its column's header as a slug, like {"{{"}ho_va_ten{"}}"}, or by the header in brackets: {"{{"}[Họ và tên]{"}}"}
template-cannot-field-name = '{ $c }' cannot be in a field name ('{ $path }')
template-print-value-use-filter-written = to print a value use {"{"}{"{"}{ $before }{"}"}{"}"}; a filter is written as a helper: {"{"}{"{"}{ $after } { $before }{"}"}{"}"}
template-print-value-use = to print a value use {"{"}{"{"}{ $before }{"}"}{"}"}
template-helper-s-arguments-separated-spaces = a helper's arguments are separated by spaces: {"{"}{"{"}so tong_tien 0{"}"}{"}"}
template-move-tag-between-each-rows = move the tag between {"{"}{"{"}#each rows{"}"}{"}"} and {"{"}{"{"}/each{"}"}{"}"}; there {"{"}{"{"}stt{"}"}{"}"} prints the row number
docx-part-declares-two-default-namespaces = the part declares two default namespaces; save it again from Word or LibreOffice Writer
docx-part-binds-prefix-two-namespaces = the part binds the prefix '{ $p }' to two namespaces; save it again from Word or LibreOffice Writer
docx-malformed-xml = malformed XML: { $reason }
docx-not-word-document-main-part-2 = not a Word document: its main part '{ $name }' is of type '{ $t }'
docx-not-word-document-main-part-3 = not a Word document: its main part '{ $name }' has no content type in '[Content_Types].xml'
docx-not-word-document-has-no = not a Word document: it has no 'word/document.xml'
docx-not-zip-archive = not a .docx file: it is not a zip archive, or it is damaged or cut short
io-error = { $kind ->
       *[other] { $text }
    }
batch-cannot-combine = { $reason }
cli-starter-failed = { $reason }
manifest-max-share-say-what-with = max '{ $text }' is a share: say of what with 'of'
manifest-max-expected-number-share-like = max: expected a number or a share like "15%", found '{ $text }'
manifest-max-expected-number-share-like-2 = max: expected a number or a share like "15%", found { $other }
manifest-global-not-positive-whole-number = { $what }: global '{ $name }' is not a positive whole number
manifest-no-global = { $what }: no global '{ $name }'
manifest-expected-number-global-s-name = { $what }: expected a number or a global's name, found { $other }
manifest-threshold-expected-share-like-80 = threshold: expected a share like "80%", found '{ $text }'
manifest-against-not-voting-make = { $yes } for, { $no } against and { $not_voting } not voting make { $cast }
manifest-against-make = { $yes } for and { $no } against make { $cast }
manifest-expected-whole-number-votes-found = expected a whole number of votes, found { $value }
eval-no-field = no field '{ $field }' in the data
eval-library = { $reason }
eval-rendering = {" "}(rendering { $origin })
check-no-column-data = no column '{ $header }' in the data
input-the-sheet = the sheet '{ $name }'
input-the-file = the file
manifest-quota-share = {" "}({ $text } of { $base })
convert-not-converted = not converted
convert-interrupted-item = interrupted
convert-cannot-start-libreoffice = cannot start LibreOffice: { $e }
convert-libreoffice-did-not-convert-within = LibreOffice did not convert it within { $seconds } s and was stopped
convert-libreoffice-stopped-while-converting = LibreOffice stopped while converting it ({ $status })
convert-libreoffice-could-not-convert-valid = LibreOffice could not convert it (is it a valid .docx? is there room on the disk?)
convert-has-pages-fewer-than-documents = it has { $pages } pages, fewer than its documents' { $documents }
convert-cannot-read-pdf = cannot read the PDF: { $e }
convert-cannot-write-pdf = cannot write the PDF: { $e }
batch-cannot-create-its-folder = cannot create its folder: { $e }
helper-needs-what = { $key ->
       *[other] { $text }
    }
manifest-votes-on = votes on '{ $source }'
input-xml-spreadsheet-2003 = an XML Spreadsheet 2003 file
input-web-page-html = a web page (HTML)
convert-output-folder-removed-while-converting = the output folder was removed while converting
convert-libreoffice-could-not-write-disk-full = LibreOffice could not write it: the disk is full

## Headers over two rows

input-header-rows-expected = expected a row number or two rows such as 4-5, found '{ $text }'
input-header-rows-give = give the row of the column headers (4), or the group header row and the sub-header row under it (4-5)
input-header-rows-backwards = header rows { $first }-{ $last } run backwards: the first row must be above the last
input-header-rows-group-first = give the group header row first: { $last }-{ $first }
input-header-rows-too-many = header rows { $first }-{ $last } span { $count } rows: a header has one row, or two (a group header over sub-headers)
input-header-rows-give-two = give the group header row and the sub-header row under it ({ $first }-{ $next }), or the one row of the column headers
input-rows-numbered-from-1 = rows are numbered from 1
input-give-row-number-as-excel-shows = give the row number as Excel shows it at the left of the sheet
input-sub-header-row-empty = header row { $sub } (the sub-header row of { $header }-{ $sub }) is empty
input-give-header-row-one-row = give --header-row { $header } for a header of one row, or the two rows that hold the headers
manifest-header-rows-expected-pair = expected two rows such as [4, 5], found { $count } numbers

## Blocks that repeat a table column

template-column-not-in-table = { $text } repeats a table column, but it is not in a table
template-column-put-in-first-cell = put it in the column's first cell, and its close in the column's last cell
template-column-needs-item-name = { $text } needs a name for its items
template-column-name-items = name them after the list, as in {"{{"}#each_col nam_khen as |nam|{"}}"}, and print {"{{"}nam{"}}"} in the column's cells
template-column-else = { $text } cannot stand in a column block
template-column-choice-in-one-cell = put the choice inside one cell with {"{{"}#if{"}}"} ... {"{{"}else{"}}"} ... {"{{"}/if{"}}"}
template-column-close-not-in-table = { $text } closes a column block, but it is not in a table
template-column-put-in-last-cell = put it in the column's last cell
template-column-opened-close-in-own-column = { $tag } opened at paragraph { $paragraph }: close it in the last cell of its own column
template-column-open-in-first-cell = open it in the column's first cell with {"{{"}#{ $helper } ...{"}}"}
template-column-closes-no-block = { $text } closes no column block opened above it in the same column
template-column-close-in-last-cell = close it with {"{{"}/{ $helper }{"}}"} in the last cell of the same column
template-column-closes-above = { $ot } opens in row { $r1 } of table { $tn } but { $ct } closes above it, in row { $r2 }
template-column-open-first-close-last = open the column block in the column's first cell and close it in its last
template-column-different-columns = { $ot } and { $ct } are in different columns of table { $tn }
template-column-close-in-its-column = close the column block in the last cell of the column it opens in
template-column-merged-cell-crosses = { $ot } repeats a column of table { $tn }, but row { $row } has no cell on exactly that column (a merged cell crosses its edge)
template-column-split-merged-cell = split the merged cell of row { $row } at the column's edges, or end the column block above it
template-merge-not-in-table = { $text } merges a table cell, but it is not in a table
template-merge-put-in-cell = put it in the cell whose equal values should merge, beside its tag

## The web page's server

serve-listen-needs-password = another address than 127.0.0.1 needs a password
serve-add-password = add --password, or set VANBAN_PASSWORD
serve-cannot-start = cannot start the server: { $e }
serve-cannot-listen = cannot listen: { $e }
serve-choose-another-port = choose another port with --port
serve-cannot-make-work-folder = cannot make a work folder: { $e }
serve-failed = the server failed: { $e }
serve-cannot-write-zip = cannot write the .zip: { $e }

## Helpers' own failures (a wrong argument in a template's tag)

helper-failed = { $name }: { $message }
helper-expected = expected { $what }, found { $found }
helper-value-list = a list
helper-value-object = an object
helper-value-nothing = nothing
helper-value-quoted = '{ $value }'
helper-list-not-value = { $shown } is a list, not a value; use { $hint }
helper-object-not-value = { $shown } is an object, not a value; use { $hint }
helper-not-block = { $name }: is not a block helper; write {"{{"}{ $name } …{"}}"}, not {"{{"}#{ $name } …{"}}"}
helper-no-named-arguments = { $name }: takes no named arguments, found '{ $key }='
helper-argument-count = { $name }: expected { $expected }, found { $found }
helper-what-rows = a list of rows
helper-what-field-name = a field name in quotes
helper-what-number = a number
helper-what-whole-number = a whole number
helper-what-asc-desc = "asc" or "desc"
helper-what-date = a date (dd/mm/yyyy)
helper-what-date-format = a format such as "dd/mm/yyyy"
helper-what-decimals = a number of decimals from 0 to 10
helper-what-roman = a whole number from 1 to 3999
helper-what-text = a text
helper-rows-found-item = expected a list of rows, found a list item { $item }
helper-no-row-has-field = no row has a field '{ $field }' (fields: { $known })
helper-number-in-field = expected a number in field '{ $field }' of row { $row }, found { $found }
helper-total-too-large = the total is too large
helper-count-arguments = expected 1 argument, or a field and at least one value
helper-share-of-zero = cannot take a share of 0
helper-at-least-one-year = expected at least 1 year, found { $years }
helper-number-too-large = the number { $value } is too large
helper-stt-outside-each = used outside {"{{"}#each{"}}"}; it numbers the rows of a list: {"{{"}#each rows{"}}{{"}stt{"}}"}…{"{{"}/each{"}}"}
helper-each-col-needs-list = each_col needs a list, found '{ $found }'
helper-count-none = no arguments
helper-count-exactly = { $min } { $min ->
        [one] argument
       *[other] arguments
    }
helper-count-or = { $min } or { $max } arguments
helper-count-range = { $min } to { $max } arguments
helper-count-at-least = at least { $min } { $min ->
        [one] argument
       *[other] arguments
    }
