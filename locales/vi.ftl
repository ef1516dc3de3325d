# Thông báo của vanban bằng tiếng Việt (Unicode dựng sẵn, NFC).
# Tên trường, địa chỉ ô và đường dẫn tệp giữ nguyên; giá trị của người dùng trong dấu nháy đơn.

## Nhãn và từ chỉ vị trí

label-error = lỗi
label-warning = cảnh báo
label-note = ghi chú
label-hint = gợi ý
place-paragraph = đoạn
place-table = bảng
place-row = hàng
place-cell = ô
place-line = dòng
place-record = bản ghi
place-column = cột

## Phần dùng chung

empty = {""}
and-more = {" "}và { $count } văn bản khác
input-and-more-in-column = {" "}(và { $count } ô khác trong cột này)
manifest-from-earlier-run-not-written = { $count } văn bản từ lần chạy trước không được lần chạy này ghi lại: { $shown }{ $more }
check-records-lack-field-record = { $lacking } trong { $count } bản ghi thiếu trường '{ $key }' (bản ghi { $shown }{ $more })

## Dòng trạng thái của dòng lệnh

cli-wrote-documents = đã ghi { $count } văn bản vào { $out }/
cli-wrote-documents-of-kinds = đã ghi { $count } văn bản thuộc { $kinds } loại vào { $out }/ (bản tóm tắt ở { $out }/{ $summary })
cli-documents-failed = lỗi: { $failed } trong { $total } văn bản không tạo được; đã ghi { $written } văn bản vào { $out }/
cli-numbers-a-run-would-print = các số mà một lần chạy sẽ cấp (sổ đăng ký không bị thay đổi):
cli-no-problems-found = { $file }: không có vấn đề gì
cli-no-errors-warnings = { $file }: không có lỗi; { $count } cảnh báo
cli-problems-found-in = lỗi: tìm thấy { $count } vấn đề trong { $file }
cli-problems-found-nothing-written = lỗi: tìm thấy { $count } vấn đề; chưa ghi tệp nào
cli-wrote-template = đã ghi mẫu { $kind } vào { $file }
cli-offset-only-calibration = chỉ trang căn chỉnh mới nhận độ lệch máy in
cli-offset-moves-frames-when-rendered = các khung của mẫu dịch theo độ lệch khi tạo văn bản (render --offset, [print] offset_mm)
cli-wrote-calibration = đã ghi trang căn chỉnh vào { $file }; hãy in đúng kích thước thật (100%)
convert-interrupted = đã dừng: LibreOffice đã ngừng; không để lại tệp PDF nào ghi dở


## manifest

manifest-rule = quy tắc '{ $name }': { $message }
manifest-message = { $place }: { $message }
manifest-not-whole-number-here = { $place }: '{ $value }' không phải số nguyên ở đây ({ $base })
manifest-quota-has-over-quota = chỉ tiêu '{ $name }': '{ $value }' có { $count }, vượt chỉ tiêu { $limit }{ $why }
manifest-no-source = { $place }: không có nguồn '{ $name }'
manifest-did-you-mean = có phải ý bạn là '{ $near }'?
manifest-sources = các nguồn là { $value }
manifest-no-column = { $place }: không có cột '{ $field }' trong { $source }
manifest-register-has-no-column-header = sổ đăng ký không có cột '{ $header }' ở hàng tiêu đề
manifest-row-1-sheet-holds-headers = hàng 1 của trang tính { $sheet } chứa các tiêu đề: { $headers }
manifest-register-s-cell-holds-error = ô của sổ đăng ký chứa giá trị lỗi ({ $value })
manifest-does-not-start-with-number = '{ $number }' không bắt đầu bằng số
manifest-write-number-then-then-symbol = ghi số, rồi '/', rồi ký hiệu: 05/KH-STNMT
manifest-number-book-but-date-numbers = số { $number } thuộc sổ năm { $year }, nhưng ngày của nó { $date } ({ $date_at }) thuộc năm { $date_year }; số văn bản đánh lại từ đầu mỗi năm
manifest-not-year = '{ $year_text }' không phải là năm
manifest-number-has-no-date = số { $number } không có ngày
manifest-write-document-s-date-dd = ghi ngày của văn bản (dd/mm/yyyy): năm của văn bản là năm của sổ
manifest-number-book-already-one-number = số { $seq } của sổ { $book } ({ $year }) đã có ở { $first }: mỗi số chỉ dành cho một văn bản
manifest-document-already-has-number-book = văn bản '{ $key }' đã có số trong sổ { $book } ({ $year }), ở { $first }
manifest-cannot-make-register = không tạo được sổ đăng ký: { $e }
manifest-cannot-write-register = không ghi được sổ đăng ký: { $e }
manifest-close-register-if-open-excel = hãy đóng sổ đăng ký nếu nó đang mở trong Excel, và kiểm tra thư mục có ghi được không
manifest-dates-no-document-kind = dates: '{ $date }' không phải loại văn bản nào
manifest-dated-not = { $date }: đề ngày { $date2 }, trong khi phải { $words ->
        [after] sau
        [on-or-after] từ
        [before] trước
       *[on-or-before] không muộn hơn
    } { $bound } ({ $other }){ $why }
manifest-order-set = thứ tự này được đặt ở { $here }
manifest-formats-unknown-format = formats: không biết định dạng '{ $other }'
manifest-formats-docx-pdf-e-g = các định dạng là "docx" và "pdf", ví dụ formats = ["docx", "pdf"]
manifest-formats-empty-documents-would-make = formats: để trống; các văn bản sẽ không tạo ra tệp nào
manifest-formats-docx-pdf-docx-pdf = formats = ["docx"], ["pdf"] hoặc ["docx", "pdf"]
manifest-cannot-write-summary = không ghi được bản tóm tắt: { $e }
manifest-they-listed-summary-vanban-run = chúng được liệt kê trong bản tóm tắt; `vanban run --clean` sẽ xoá chúng
manifest-cannot-remove-stale-document = không xoá được văn bản cũ: { $e }
manifest-message-2 = { $place }: { $m }
manifest-no-vote-count-nominee-marked = { $place }: không có số phiếu; người được đề cử được ghi là không đạt
manifest-not-members-present = { $place }: { $what }, không bằng { $present } thành viên có mặt
manifest-against-make-more-votes-than = { $place }: { $yes } đồng ý và { $no } không đồng ý, nhiều phiếu hơn { $members } thành viên
manifest-one-true-needs-key = { $place }: 'one = true' cần có 'key'
manifest-no-column-2 = { $place }: không có cột '{ $key }'
manifest-matches-no-row = '{ $key }' không khớp hàng nào của '{ $into }' ({ $parent_source })
manifest-add-correct-code = hãy thêm '{ $key }' vào { $parent_source }, hoặc sửa lại mã
manifest-matches-no-row-2 = '{ $key }' không khớp hàng nào của '{ $from }'
manifest-give-either-value-rank = { $place }: hãy ghi 'value' hoặc 'rank', chỉ một trong hai
manifest-order-expected-asc-desc-found = { $place }: order: cần "asc" hoặc "desc", nhưng gặp '{ $other }'
manifest-no-field = { $place }: không có trường '{ $by }' trong { $source }
manifest-expected-number-found = { $place }: cần một số trong '{ $by }', nhưng gặp { $value }
manifest-cannot-read-manifest = không đọc được tệp kê khai: { $e }
manifest-sources-legacy-expected-auto-tcvn3 = sources.{ $name }.legacy: cần auto, tcvn3, vni hoặc off, nhưng gặp '{ $other }'

## input

input-numbers-read-two-ways-with = các số của { $name } đọc được theo hai cách ('{ $text }' là { $vietnamese } nếu dấu { $comma } ngăn cách hàng nghìn, là { $english } nếu dấu { $comma2 } là dấu thập phân), nên cột được giữ nguyên dạng chữ như khi gõ
input-templates-print-these-cells-typed = mẫu sẽ in các ô này đúng như khi gõ; muốn chúng là số, hãy ghi mọi số trong cột theo cùng một cách, kèm phần thập phân (8,5 hoặc 1.250.000)
input-holds-numbers-text-such-whole = { $name } chứa cả số lẫn chữ, chẳng hạn '{ $text }', nên cả cột được giữ nguyên dạng chữ như khi gõ
input-make-column-numbers-leave-only = muốn cột là số, hãy chỉ để số trong cột (hoặc ô trống)
input-empty = { $what } để trống
input-put-header-row-data-rows = hãy đặt một hàng tiêu đề và các hàng dữ liệu vào đó
input-header-row-0-does-not = không có hàng tiêu đề 0: các hàng được đánh số từ 1
input-header-row-below-data-last = hàng tiêu đề { $n } nằm dưới dữ liệu: hàng cuối cùng có dữ liệu là hàng { $last_row }
input-give-header-row-between-1 = hãy chọn hàng tiêu đề trong khoảng từ 1 đến { $last_row }
input-header-row-empty = hàng tiêu đề { $n } để trống
input-give-number-row-that-holds = hãy cho biết số thứ tự của hàng chứa tiêu đề các cột
input-row-taken-header-row-rows = hàng { $n } được lấy làm hàng tiêu đề: các hàng phía trên là phần tiêu đề chung
input-give-header-row-n-take = dùng --header-row N để lấy hàng khác (--header-row { $n } là chọn đúng hàng này)
input-cannot-tell-which-row-holds = không xác định được hàng nào chứa tiêu đề các cột: hàng { $first } và các hàng bên dưới không giống tiêu đề của một bảng
input-give-header-row-n-number = dùng --header-row N, với N là số thứ tự hàng tiêu đề các cột
input-rows-two-row-header-merged = các hàng { $header_row }-{ $sub } là tiêu đề hai tầng: tiêu đề gộp trên nhiều cột được ghép với tiêu đề bên dưới (hàng { $sub } không phải bản ghi)
input-header-gives-no-field-name = tiêu đề '{ $header }' không cho ra tên trường nào, nên cột { $letter } bị bỏ qua
input-give-column-header-with-letters = hãy đặt cho cột một tiêu đề có chữ hoặc số
input-header-gives-same-field-name = tiêu đề '{ $header }' cho ra cùng tên trường '{ $key }' với '{ $header2 }' ở cột { $letter }
input-rename-one-two-columns = hãy đổi tên một trong hai cột
input-row-gives-no-field-names = hàng { $header_row } không cho ra tên trường nào: các ô của nó không có tiêu đề
input-column-holds-data-but-has = cột { $letter } có dữ liệu nhưng không có tiêu đề, nên bị bỏ qua
input-give-header-row-use-templates = hãy đặt tiêu đề cho nó ở hàng { $header_row } để dùng được trong mẫu
input-has-headers-row-but-no = { $what } có tiêu đề ở hàng { $header_row } nhưng không có hàng dữ liệu nào bên dưới
input-check-sheet-header-row-fill = hãy kiểm tra --sheet và --header-row, hoặc điền dữ liệu vào
input-differ-only-spaces-they-taken = '{ $typed }' và '{ $first }' ở ô { $letter }{ $first_row } { $how ->
        [accents] chỉ khác nhau ở cách mã hoá dấu
        [both] chỉ khác nhau về dấu cách và cách mã hoá dấu
       *[spaces] chỉ khác nhau về dấu cách
    }, nên được coi là một giá trị
input-make-two-cells-alike = { $how ->
        [accents] hãy gõ lại một trong hai ô với bộ gõ đặt bảng mã Unicode dựng sẵn để hai ô giống nhau
        [both] hãy xoá các dấu cách thừa và gõ lại một trong hai ô với bộ gõ đặt bảng mã Unicode dựng sẵn để hai ô giống nhau
       *[spaces] hãy xoá các dấu cách thừa trong trang tính (Tìm và Thay thế) để hai ô giống nhau
    }
manifest-join-key-tidied = mã '{ $typed }' và '{ $first }' ở { $cell } { $how ->
        [accents] chỉ khác nhau ở cách mã hoá dấu
        [both] chỉ khác nhau về dấu cách và cách mã hoá dấu
       *[spaces] chỉ khác nhau về dấu cách
    }, nên được coi là một mã
input-cannot-read-workbook-file-damaged = không đọc được sổ tính: tệp bị hỏng
input-open-excel-libreoffice-save-again = hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại
input-cannot-read-workbook-with-name = không đọc được sổ tính: đây là { $what } mang đuôi .{ $extension }, không phải tệp .{ $extension } thật
input-open-excel-libreoffice-calc-save = hãy mở tệp bằng Excel (hoặc LibreOffice Calc) rồi lưu thành Excel Workbook (.xlsx)
input-sheet-read-before-hidden = trang tính '{ $first }' được đọc: { $count ->
        [one] trang tính
       *[other] các trang tính
    } { $hidden } đứng trước nó đang bị ẩn
input-give-sheet-name-read-another = dùng --sheet TÊN để đọc trang tính khác
input-workbook-has-no-sheets = sổ tính không có trang tính nào
input-no-sheet = không có trang tính '{ $wanted }'
input-hidden-sheet-s-autofilter-left = { $noun ->
        [row] hàng
       *[other] các hàng
    } { $numbers } bị bộ lọc (AutoFilter) của trang tính ẩn đi, nên không được đọc
input-read-every-row-clear-filter = muốn đọc mọi hàng, hãy thêm --keep-filtered (keep_filtered = true trong nguồn của vanban.toml), hoặc bỏ bộ lọc (Dữ liệu > Xoá bộ lọc) rồi lưu lại
input-hidden-autofilter-kept = { $noun ->
        [row] hàng
       *[other] các hàng
    } { $numbers } bị bộ lọc (AutoFilter) của trang tính ẩn đi; vẫn được đọc như các hàng khác, theo yêu cầu
input-hidden-sheet-read-like-others = { $noun ->
        [row] hàng
       *[other] các hàng
    } { $numbers } bị ẩn trong trang tính; vẫn được đọc như các hàng khác
input-hidden-sheet-read-like-others-2 = { $noun ->
        [column] cột
       *[other] các cột
    } { $columns } bị ẩn trong trang tính; vẫn được đọc như các cột khác
input-cell-holds-formula-with-no = ô chứa công thức chưa có giá trị được lưu{ $more }; ô được đọc là trống
input-open-workbook-excel-libreoffice-save = hãy mở sổ tính bằng Excel hoặc LibreOffice rồi lưu lại: các chương trình này lưu giá trị của từng công thức
input-cannot-read-workbook-file-damaged-2 = không đọc được sổ tính: tệp bị hỏng (có một ô ở hàng { $row } cột { $column }, vượt quá XFD1048576, ô cuối cùng của trang tính)
input-sheet-too-large-read-cells = trang tính quá lớn, không đọc được: các ô kéo tới cột { $column } và hàng { $last }
input-delete-rows-columns-past-table = hãy xoá các hàng và cột nằm ngoài bảng (chọn chúng, bấm Delete) rồi lưu lại
input-cannot-read-workbook-protected-password = không đọc được sổ tính: tệp được bảo vệ bằng mật khẩu
input-open-remove-password-open-file = hãy mở tệp, bỏ mật khẩu mở tệp (Tệp > Thông tin > Bảo vệ Sổ làm việc) rồi lưu lại
input-cannot-read-workbook-file-damaged-3 = không đọc được sổ tính: tệp bị hỏng (nội dung bị cắt cụt hoặc không phải XML hợp lệ)
input-open-libreoffice-calc-excel-save = hãy mở tệp bằng LibreOffice Calc hoặc Excel rồi lưu lại
input-cannot-read-workbook-not-file = không đọc được sổ tính: đây không phải tệp .{ $extension }, hoặc tệp bị hỏng hay bị cắt cụt
input-check-that-file-spreadsheet-saved = hãy kiểm tra xem tệp có phải bảng tính được lưu bằng Excel hoặc LibreOffice không
input-cannot-read-workbook = không đọc được sổ tính: { $reason }
input-converted-cell-typed-unicode = đã chuyển { $n } ô gõ bằng bảng mã { $name } sang Unicode: { $list }
input-check-converted-text-give-legacy = hãy kiểm tra lại chữ đã chuyển; dùng --legacy off để giữ nguyên chữ như khi gõ
input-json-file-has-no-sheets = tệp JSON không có trang tính hay hàng tiêu đề, nên { $and } đã cho bị bỏ qua
input-invalid-json = JSON không hợp lệ: { $message }
input-expected-array-objects-one-object = cần một mảng các đối tượng hoặc một đối tượng, nhưng gặp { $whole }
input-write-key-value-rows-key = hãy ghi [{"{"}"key": value, ...{"}"}, ...] cho nhiều hàng, hoặc {"{"}"key": value, ...{"}"} cho một văn bản
input-expected-object-found = cần một đối tượng, nhưng gặp { $record }
input-each-element-array-must-object = mỗi phần tử của mảng phải là một đối tượng: {"{"}"key": value, ...{"}"}
input-csv-file-has-no-sheets = tệp CSV không có trang tính, nên không tìm trang tính '{ $sheet }'
input-file-not-utf-8-was = tệp không phải UTF-8: đã được đọc theo bảng mã Windows-1258 (tiếng Việt)
input-file-not-utf-8-was-2 = tệp không phải UTF-8: đã được đọc theo bảng mã TCVN3 (ABC) và chuyển sang Unicode
input-cannot-read-csv-file = không đọc được tệp CSV: { $reason }
input-file-not-utf-8-text = tệp không phải văn bản UTF-8 và không xác định chắc chắn được bảng mã (ô { $column }{ $number })
input-use-spreadsheet-xlsx-xlsm-xls = hãy dùng bảng tính (.xlsx, .xlsm, .xls, .xlsb, .ods), tệp .csv (UTF-8) hoặc tệp .json
input-no-such-file-there-no = không có tệp này: không có thư mục { $shown }/
input-no-such-file-looked = không có tệp này (đã tìm trong { $shown }/)

## docx

docx-cannot-read-file = không đọc được tệp: { $reason }
docx-cannot-read-template-protected-password = không đọc được mẫu: tệp được bảo vệ bằng mật khẩu
docx-open-word-remove-password-open = hãy mở tệp bằng Word, bỏ mật khẩu mở tệp (Tệp > Thông tin > Bảo vệ Tài liệu) rồi lưu lại
docx-not-docx-file-word-97 = không phải tệp .docx: đây là tài liệu Word 97-2003 (.doc)
docx-open-word-libreoffice-writer-save = hãy mở tệp bằng Word hoặc LibreOffice Writer rồi lưu thành .docx
docx-save-template-from-word-libreoffice = hãy lưu mẫu từ Word hoặc LibreOffice Writer dưới dạng .docx
docx-broken-zip-entry = mục zip { $i } bị hỏng: { $reason }
docx-not-docx-file-has-no = không phải tệp .docx: không có '[Content_Types].xml'
docx-this-part-not-utf-8 = phần này không phải văn bản UTF-8
docx-cannot-read-this-part = không đọc được phần này: { $reason }
docx-damaged-file-fails-checksum = tệp bị hỏng: { $name } sai tổng kiểm tra
docx-file-was-damaged-copy-download = tệp đã bị hỏng khi sao chép hoặc tải về: hãy lấy lại từ nơi đã lấy, hoặc lưu lại từ Word
docx-cannot-inflate-this-part = không giải nén được phần này: { $reason }
docx-this-part-inflates-more-than = phần này khi giải nén lớn hơn { $mib } MiB; không nhận
docx-not-word-document-main-part = không phải tài liệu Word: thiếu phần chính '{ $target }' được nêu trong '_rels/.rels'

## eval, context

eval-message = { $place }'{ $source }': { $reason }{ $rendering }
context-group-no-column-data = --group-by: không có cột '{ $field }' trong dữ liệu

## cli

cli-expected-key-value-found = cần KHOÁ=GIÁ_TRỊ, nhưng gặp '{ $item }'
cli-example-set-nam-2025 = ví dụ --set nam=2025
cli-expected-least-1 = cần ít nhất là 1
cli-expected-docx-pdf-file-name = cần tên tệp .docx hoặc .pdf, nhưng gặp '{ $combine }'
cli-expected-x-y-mm-found = cần X,Y tính bằng mm, nhưng gặp '{ $text }'
cli-example-offset-1-5-2 = ví dụ --offset 1.5,-2 (sang phải 1,5 mm, lên trên 2 mm)
cli-cell-holds-error = ô chứa lỗi '{ $value }'
cli-cannot-write-output = không ghi được kết quả: { $e }
cli-unknown-kind = không có loại '{ $kind }'
cli-kinds = các loại là { $kinds }
cli-expected-docx-file-name = cần tên tệp .docx
cli-file-exists-already = tệp đã có sẵn
cli-choose-another-name-add-force = hãy chọn tên khác, hoặc thêm --force để ghi đè
cli-cannot-write-file = không ghi được tệp: { $e }

## convert, batch

convert-libreoffice-needed-make-pdfs = cần có LibreOffice để tạo PDF: { $detail }
convert-install-debian-ubuntu-sudo-apt = hãy cài đặt LibreOffice (Debian hoặc Ubuntu: `sudo apt-get install libreoffice-writer-nogui`; Windows: bộ cài LibreOffice từ libreoffice.org), hoặc đặt VANBAN_SOFFICE trỏ tới chương trình soffice
batch-pdfs-were-asked-but-libreoffice = có yêu cầu tạo PDF, nhưng LibreOffice chưa được thiết lập
batch-cannot-write-output-folder = không ghi được vào thư mục kết quả: { $e }
batch-cannot-start-worker-threads = không khởi động được các luồng xử lý: { $e }
batch-cannot-make-pdf = không tạo được PDF: { $reason }
batch-empty-document-not-made = { $stem }: '{ $header }' để trống; văn bản không được tạo
batch-fill-leave-row-out-list = hãy điền '{ $header }', hoặc bỏ hàng này khỏi danh sách
batch-cannot-write-document = không ghi được văn bản: { $e }
batch-message = '{ $pattern }': { $e }
batch-rendering = { $reason } (khi tạo { $origin })
batch-number-from-data-already-register = { $subject }: số { $full } trong dữ liệu đã có trong sổ đăng ký cho { $key }{ $p }

## check

check-needs = { $text }: { $field } cần { $what }
check-write-what-reads-after-name = hãy ghi thứ nó đọc sau tên của nó: { $example }
check-message = { $text }: { $what }
check-did-you-mean-column = có phải ý bạn là '[{ $header }]' (cột { $letter })?
check-rows-count-exist-only-with = 'rows' và 'count' chỉ có khi dùng --group-by
check-has-fields = { $source } có các trường { $key }
check-template-uses = { $message } và mẫu dùng '{ $key }'
check-fix-formula-spreadsheet-clear-cell = hãy sửa công thức trong bảng tính, hoặc xoá nội dung ô
check-none-template-s-fields-data = không trường nào của mẫu có trong dữ liệu; nếu tiêu đề nằm dưới một dòng tiêu đề chung, dùng --header-row N
check-no-tag-reads-columns = không thẻ nào đọc các cột { $columns }

## template

template-inside-which-word-does-not = '{ $text }' nằm trong { $place }, phần mà Word không hiển thị
template-type-tag-plain-text-paragraph = hãy gõ thẻ thành chữ thường trong đoạn văn
template-message = { $text }: { $message }
template-see-helpers-listed-readme = xem danh sách các hàm trợ giúp trong README
template-this-tag-cannot-read = { $what }không đọc được thẻ này

## Lượt chuyển thứ hai: tệp, mẫu, kê khai

manifest-correct-counts-record-members-who = hãy sửa lại số phiếu, hoặc ghi vào '{ $name }' những thành viên không biểu quyết
manifest-record-members-who-did-not-vote = hãy ghi những thành viên không biểu quyết vào một cột và khai báo cột đó bằng 'abstained'
manifest-name-kind-whose-dates-checked = hãy ghi loại văn bản cần kiểm tra ngày
manifest-toml-error = tệp kê khai sai cú pháp: { $message }
manifest-max-share-say-what-with = max '{ $text }' là một tỷ lệ: hãy ghi tỷ lệ của cái gì bằng 'of'
manifest-max-expected-number-share-like = max: cần một số hoặc một tỷ lệ như "15%", nhưng gặp '{ $text }'
manifest-max-expected-number-share-like-2 = max: cần một số hoặc một tỷ lệ như "15%", nhưng gặp { $other }
manifest-global-not-positive-whole-number = { $what }: giá trị chung '{ $name }' không phải số nguyên dương
manifest-no-global = { $what }: không có giá trị chung '{ $name }'
manifest-expected-number-global-s-name = { $what }: cần một số hoặc tên một giá trị chung, nhưng gặp { $other }
manifest-threshold-expected-share-like-80 = threshold: cần một tỷ lệ như "80%", nhưng gặp '{ $text }'
manifest-against-not-voting-make = { $yes } đồng ý, { $no } không đồng ý và { $not_voting } không biểu quyết, cộng lại là { $cast }
manifest-against-make = { $yes } đồng ý và { $no } không đồng ý, cộng lại là { $cast }
manifest-expected-whole-number-votes-found = cần số phiếu là số nguyên, nhưng gặp { $value }
input-unsupported-data-file-type-file = không hỗ trợ loại tệp dữ liệu này: tên tệp không có phần đuôi
input-unsupported-data-file-type = không hỗ trợ loại tệp dữ liệu '.{ $extension }'
input-no-such-file = không có tệp này
input-cannot-read-file-permission-denied = không đọc được tệp: không có quyền truy cập
input-cannot-read-file-folder = không đọc được tệp: đây là một thư mục
input-cannot-read-file = không đọc được tệp: { $e }
input-workbook-has-one-sheet = sổ tính có một trang tính: { $list }
input-workbook-has-sheets = sổ tính có các trang tính { $list }
input-save-as-csv-utf8 = trong Excel 2016 trở lên, hãy lưu thành 'CSV UTF-8 (Comma delimited)'; Excel 2010-2013 không có CSV UTF-8: hãy gửi tệp .xlsx
input-row-totals-row-not-record = hàng { $number } là hàng tổng cộng ('{ $word }'), không phải bản ghi, nên được bỏ qua
input-row-section-heading-not-record = hàng { $number } là tiêu đề mục ('{ $text }'), không phải bản ghi: các hàng bên dưới có giá trị này ở trường '_muc'
input-row = hàng { $number }
input-rows = các hàng { $number }-{ $last }
input-signature-block-under-table-not = { $which }: phần chữ ký bên dưới bảng ('{ $text }'), không phải bản ghi, nên được bỏ qua
input-the-sheet = trang tính '{ $name }'
input-the-file = tệp
batch-output-folder-file = thư mục kết quả là một tệp
batch-cannot-create-output-folder = không tạo được thư mục kết quả: { $e }
batch-cannot-combine = không ghép được văn bản: { $reason }
cli-starter-failed = không tạo được mẫu: { $reason }
eval-no-field = không có trường '{ $field }' trong dữ liệu
eval-library = { $reason }
eval-rendering = {" "}(khi tạo { $origin })
check-no-column-data = không có cột '{ $header }' trong dữ liệu
io-error = { $kind ->
        [not-found] không có tệp hoặc thư mục này
        [permission-denied] không có quyền truy cập
        [storage-full] ổ đĩa đã đầy
        [already-exists] tệp đã có sẵn
        [is-a-directory] đây là một thư mục
        [not-a-directory] một phần của đường dẫn không phải thư mục
        [read-only] ổ đĩa chỉ cho phép đọc
        [not-empty] thư mục không trống
        [unexpected-eof] tệp bị cắt cụt
        [too-large] tệp quá lớn
        [invalid-name] tên tệp không hợp lệ
       *[other] { $text }
    }
docx-part-declares-two-default-namespaces = phần này khai báo hai không gian tên mặc định; hãy lưu lại từ Word hoặc LibreOffice Writer
docx-part-binds-prefix-two-namespaces = phần này gán tiền tố '{ $p }' cho hai không gian tên; hãy lưu lại từ Word hoặc LibreOffice Writer
docx-malformed-xml = XML bị lỗi: { $reason }
docx-not-word-document-main-part-2 = không phải tài liệu Word: phần chính '{ $name }' có kiểu '{ $t }'
docx-not-word-document-main-part-3 = không phải tài liệu Word: phần chính '{ $name }' không có kiểu nội dung trong '[Content_Types].xml'
docx-not-word-document-has-no = không phải tài liệu Word: không có 'word/document.xml'
docx-not-zip-archive = không phải tệp .docx: đây không phải tệp nén zip, hoặc tệp bị hỏng hay bị cắt cụt

## Thẻ và khối trong mẫu

template-message-2 = { $tag }:{" "}
template-needs = { $at }{ $path } cần { $what }
template-no-field-data = { $at }không có trường '{ $path }' trong dữ liệu
template-add-column-data-write-default = hãy thêm cột '{ $path }' vào dữ liệu, hoặc viết {"{"}{"{"}default { $path } "..."{"}"}{"}"}
template-unknown-helper = { $at }không có hàm trợ giúp '{ $name }'
template-message-3 = { $at }{ $message }
template-message-4 = { $at }{ $other }
template-outside-any-block = { $text } nằm ngoài mọi khối
template-use-between-if-if-remove = hãy dùng nó giữa {"{"}{"{"}#if ...{"}"}{"}"} và {"{"}{"{"}/if{"}"}{"}"}, hoặc xoá nó đi
template-does-not-match = { $text } không khớp với { $tag }
template-opened-paragraph-close-with = { $tag } được mở ở đoạn { $tag2 }; hãy đóng bằng {"{"}{"{"}/{ $helper }{"}"}{"}"}
template-closes-no-open-block = { $text } không đóng khối nào đang mở
template-remove-open-block-before-with = hãy xoá nó, hoặc mở khối trước nó bằng {"{"}{"{"}#{ $name } ...{"}"}{"}"}
template-unclosed = { $tag } chưa được đóng
template-close-with-before-paragraph = hãy đóng bằng {"{"}{"{"}/{ $helper }{"}"}{"}"} trước { $text } ở đoạn { $paragraph }
template-close-with = hãy đóng bằng {"{"}{"{"}/{ $helper }{"}"}{"}"}
template-paragraph-holds-tags-table-row = đoạn { $p } chứa thẻ của một khối lặp hàng bảng và của một khối đoạn văn
template-put-each-block-s-tags = hãy đặt thẻ của mỗi khối vào các đoạn riêng
template-row-table-holds-block-over = hàng { $row } của bảng { $table } chứa { $t } (khối lặp các hàng bảng) và { $open } (khối kiểu khác)
template-give-each-block-over-rows = hãy dành cho mỗi khối lặp hàng các hàng thẻ riêng, không chứa gì khác
template-opens-paragraph-closes-paragraph = { $text } mở ở đoạn { $po } và { $text2 } đóng ở đoạn { $pc }
template-opens-closes-paragraph-but-paragraph = { $text } mở và đóng trong đoạn { $po } nhưng { $text2 } của nó lại ở đoạn { $paragraph }
template-keep-whole-block-one-paragraph = hãy giữ cả khối trong một đoạn, hoặc đặt mỗi thẻ vào một đoạn riêng
template-sit-different-levels-paragraph-one = { $text } và { $text2 } nằm ở các cấp khác nhau của đoạn { $po } (một thẻ nằm trong siêu liên kết, trường hoặc điều khiển nội dung)
template-retype-both-tags-plain-text = hãy gõ lại cả hai thẻ thành chữ thường của đoạn văn
template-repeats-table-row-which-cannot = { $text } lặp một hàng bảng, hàng này không thể chứa { $text2 } (đoạn { $paragraph })
template-opens-row-table-but-closes = { $ot } mở ở hàng { $r1 } của bảng { $t1 } nhưng { $ct } đóng ở hàng { $r2 }
template-block-that-repeats-table-row = khối lặp một hàng bảng phải mở ở ô đầu và đóng ở ô cuối của hàng: hãy chuyển { $ct } vào hàng { $r1 }
template-opens-table-cell-table-row = { $ot } mở trong một ô bảng (bảng { $t }, hàng { $r }, ô { $cell }) nhưng { $ct } đóng ở ngoài bảng, tại đoạn { $pc }
template-close-same-row-s-last = hãy đóng nó ở ô cuối của cùng hàng, hoặc đặt cả hai thẻ ra ngoài bảng, mỗi thẻ một đoạn riêng
template-opens-outside-table-but-closes = { $ot } mở ở ngoài bảng nhưng { $ct } đóng trong một ô bảng (bảng { $t }, hàng { $r }, ô { $cell })
template-put-both-tags-outside-table = hãy đặt cả hai thẻ ra ngoài bảng, mỗi thẻ một đoạn riêng, hoặc vào ô đầu và ô cuối của một hàng
template-other-tags = các thẻ khác
template-text = chữ '{ $text }'
template-but-does-not-stand-alone = { $both }, nhưng { $text } không đứng riêng trong đoạn { $p }
template-move-out-paragraph-keep-whole = hãy chuyển { $what } ra khỏi đoạn { $p }, hoặc giữ cả khối trong một đoạn
template-which-different-places-body-table = { $both }, hai thẻ nằm ở những chỗ khác nhau (thân văn bản, ô bảng, hộp văn bản, đầu trang)
template-put-each-alone-paragraph-same = hãy đặt { $ot } và { $ct } mỗi thẻ một đoạn riêng ở cùng một chỗ
template-put-choice-inside-one-cell = hãy đặt phần lựa chọn trong một ô, hoặc dùng hai hàng, mỗi hàng có {"{"}{"{"}#if{"}"}{"}"} riêng
template-did-you-mean = có phải ý bạn là '{"{"}{"{"}{ $word }{"}"}{"}"}'?
template-delete-complete-tag-belonged = hãy xoá nó, hoặc viết cho đủ thẻ mà nó thuộc về
template-stray-after = có '{"}"}{"}"}' thừa sau '{ $before }'
template-printed-typed = { $message }, được in ra đúng như khi gõ
template-quote-tag-not-closed = có dấu nháy (") trong thẻ chưa được đóng
template-close-tag-with-write-literal = hãy đóng thẻ bằng '{"}"}{"}"}', hoặc viết '\{"{"}{"{"}' để in dấu ngoặc nhọn
template-unclosed-tag = thẻ '{ $shown }' chưa được đóng
template-malformed-xml-line = XML bị lỗi ở dòng { $line }: { $reason }
template-malformed-xml-line-never-closed = XML bị lỗi: <{ $name }> ở dòng { $line } không bao giờ được đóng
template-malformed-xml-text = chữ XML bị lỗi '{ $raw }': { $reason }
template-malformed-xml-line-unexpected-end = XML bị lỗi ở dòng { $line }: thẻ đóng không mong đợi
template-tag-forms = một thẻ là một trường {"{{"}ho_va_ten{"}}"}, một hàm trợ giúp kèm đối số {"{{"}so tong_tien{"}}"}, hoặc một khối {"{{"}#each rows{"}}"} ... {"{{"}/each{"}}"}
template-tag-cannot-read = không đọc được thẻ này
template-unknown-helper-name = không có hàm trợ giúp '{ $name }'
template-helper-takes = '{ $name }' nhận { $min } đối số, nhưng gặp { $count }
template-helper-takes-range = '{ $name }' nhận từ { $min } đến { $max } đối số, nhưng gặp { $count }
template-helper-takes-at-least = '{ $name }' nhận ít nhất { $min } đối số, nhưng gặp { $count }
template-not-tag = '{ $text }' không phải là thẻ
template-raw-blocks-not-supported = không hỗ trợ khối thô ({"{"}{"{"}{"{"}{"{"} {"}"}{"}"}{"}"}{"}"})
template-empty-tag = thẻ trống
template-partial-blocks-decorators-not-supported = không hỗ trợ khối partial và decorator
template-block-needs-helper-name-like = một khối cần tên hàm trợ giúp, như {"{"}{"{"}#each rows{"}"}{"}"}
template-closing-tag-needs-block-s = thẻ đóng cần tên của khối, như {"{"}{"{"}/each{"}"}{"}"}
template-partials-name-not-supported = không hỗ trợ partial ({"{"}{"{"}> name{"}"}{"}"})
template-decorators-name-not-supported = không hỗ trợ decorator ({"{"}{"{"}* name{"}"}{"}"})
template-unclosed-expression = dấu '(' trong biểu thức chưa được đóng
template-without-expression = dấu ')' trong biểu thức không có '(' đi trước
template-after-value-expression = dấu '=' đứng sau một giá trị trong biểu thức
template-unclosed-block-parameters = tham số khối 'as |...|' chưa được đóng
template-sub-expression-must-start-with = biểu thức con phải bắt đầu bằng tên hàm trợ giúp
template-empty-expression = biểu thức có '()' trống
template-no-value-after-expression = không có giá trị sau dấu '=' trong biểu thức
template-unclosed-string-expression = chuỗi trong biểu thức chưa được đóng
template-unclosed-expression-2 = dấu '[' trong biểu thức chưa được đóng
template-unexpected-expression = '{ $start }' không mong đợi trong biểu thức
template-named-argument-with-no-helper = '{ $key }={ $value }' là đối số có tên nhưng không có hàm trợ giúp đứng trước
template-print-write-compare-write-if = để in '{ $key }' hãy viết {"{"}{"{"}{ $key }{"}"}{"}"}; để so sánh, hãy viết {"{"}{"{"}#if (eq { $key } { $value }){"}"}{"}"}
template-field-name-cannot-end-with = tên trường không được kết thúc bằng '{ $sep }'
template-write-name-what-follows-ten = hãy viết {"{"}{"{"}{ $stem }{"}"}{"}"}, hoặc ghi tên phần sau '{ $sep }': {"{"}{"{"}{ $stem }{ $sep }ten{"}"}{"}"}
template-inside-field-name = có '..' trong tên trường '{ $path }'
template-separate-parts-name-with-one = hãy ngăn các phần của tên bằng một dấu chấm: {"{"}{"{"}{ $fixed }{"}"}{"}"}; '../' đọc một trường của khối bên ngoài: {"{"}{"{"}../nam{"}"}{"}"}
template-field-name-cannot-start-with = tên trường không được bắt đầu bằng '.'
template-write-this-field-current-row = hãy viết {"{"}{"{"}{ $name }{"}"}{"}"}, hoặc {"{"}{"{"}this.{ $name }{"}"}{"}"} cho một trường của hàng hiện tại
template-field-name-cannot-start-with-2 = tên trường không được bắt đầu bằng '{ $c }'
template-tag-does-no-arithmetic-compute = thẻ không làm phép tính: hãy tính giá trị trong một cột của bảng tính
template-block-opens-with-before-helper = khối được mở bằng '#' trước tên hàm trợ giúp: {"{"}{"{"}#if { $before }{"}"}{"}"}
template-comment-starts-with-ghi-ch = ghi chú bắt đầu bằng '!': {"{"}{"{"}! ghi chú {"}"}{"}"}
template-root-alone-whole-document-not = '@root' đứng một mình là cả văn bản, không phải một giá trị
template-name-one-fields-root-nam = hãy ghi tên một trường của nó: {"{"}{"{"}@root.nam{"}"}{"}"}
template-not-data-variable = '@{ $head }' không phải biến dữ liệu
template-vanban-knows-print-field-write = vanban biết { $known }; để in trường '{ $head }' hãy viết {"{"}{"{"}{ $head }{"}"}{"}"}
template-known-only-inside-each = '@{ $head }' chỉ dùng được trong {"{"}{"{"}#each{"}"}{"}"}
template-name-hint = một trường được gọi bằng tiêu đề cột viết dạng slug, như {"{{"}ho_va_ten{"}}"}, hoặc bằng tiêu đề trong ngoặc vuông: {"{{"}[Họ và tên]{"}}"}
template-cannot-field-name = '{ $c }' không được có trong tên trường ('{ $path }')
template-print-value-use-filter-written = để in một giá trị hãy dùng {"{"}{"{"}{ $before }{"}"}{"}"}; bộ lọc được viết như một hàm trợ giúp: {"{"}{"{"}{ $after } { $before }{"}"}{"}"}
template-print-value-use = để in một giá trị hãy dùng {"{"}{"{"}{ $before }{"}"}{"}"}
template-helper-s-arguments-separated-spaces = các đối số của hàm trợ giúp được ngăn bằng dấu cách: {"{"}{"{"}so tong_tien 0{"}"}{"}"}
template-move-tag-between-each-rows = hãy chuyển thẻ vào giữa {"{"}{"{"}#each rows{"}"}{"}"} và {"{"}{"{"}/each{"}"}{"}"}; ở đó {"{"}{"{"}stt{"}"}{"}"} in số thứ tự hàng
manifest-quota-share = {" "}({ $text } của { $base })
helper-needs-what = { $key ->
        [a-date] một ngày
        [a-number] một số
        [a-text] một đoạn chữ
        [a-value] một giá trị
        [a-list] một danh sách
        [a-list-and-a-field] một danh sách và một trường
        [a-list-a-field-and-a-value] một danh sách, một trường và một giá trị
        [a-list-a-field-a-value-a-year-and-a-count] một danh sách, một trường, một giá trị, một năm và một số lần
        [a-value-and-a-fallback] một giá trị và một giá trị thay thế
        [an-object-and-a-key] một đối tượng và một khoá
        [two-numbers] hai số
        [two-values] hai giá trị
       *[other] { $text }
    }
batch-cannot-create-its-folder = không tạo được thư mục chứa tệp: { $e }
convert-not-converted = chưa được chuyển
convert-interrupted-item = đã bị dừng
convert-cannot-start-libreoffice = không khởi động được LibreOffice: { $e }
convert-libreoffice-did-not-convert-within = LibreOffice không chuyển xong trong { $seconds } giây và đã bị dừng
convert-libreoffice-stopped-while-converting = LibreOffice bị dừng khi đang chuyển tệp này ({ $status })
convert-libreoffice-could-not-convert-valid = LibreOffice không chuyển được tệp này (tệp .docx có hợp lệ không? ổ đĩa còn chỗ trống không?)
convert-has-pages-fewer-than-documents = tệp có { $pages } trang, ít hơn tổng số trang của các văn bản ({ $documents })
convert-cannot-read-pdf = không đọc được tệp PDF: { $e }
convert-cannot-write-pdf = không ghi được tệp PDF: { $e }
manifest-votes-on = biểu quyết ở '{ $source }'
input-xml-spreadsheet-2003 = tệp XML Spreadsheet 2003
input-web-page-html = một trang web (HTML)
convert-output-folder-removed-while-converting = thư mục kết quả đã bị xoá trong khi đang chuyển đổi
convert-libreoffice-could-not-write-disk-full = LibreOffice không ghi được tệp này: ổ đĩa đã đầy

## Tiêu đề trên hai hàng

input-header-rows-expected = cần một số hàng hoặc hai hàng như 4-5, nhưng gặp '{ $text }'
input-header-rows-give = hãy ghi hàng tiêu đề cột (4), hoặc hàng tiêu đề nhóm và hàng tiêu đề con ngay dưới nó (4-5)
input-header-rows-backwards = các hàng tiêu đề { $first }-{ $last } bị ghi ngược: hàng đầu phải nằm trên hàng cuối
input-header-rows-group-first = hãy ghi hàng tiêu đề nhóm trước: { $last }-{ $first }
input-header-rows-too-many = các hàng tiêu đề { $first }-{ $last } trải trên { $count } hàng: tiêu đề chỉ có một hàng, hoặc hai hàng (tiêu đề nhóm trên các tiêu đề con)
input-header-rows-give-two = hãy ghi hàng tiêu đề nhóm và hàng tiêu đề con ngay dưới nó ({ $first }-{ $next }), hoặc một hàng tiêu đề cột duy nhất
input-rows-numbered-from-1 = các hàng được đánh số từ 1
input-give-row-number-as-excel-shows = hãy ghi số hàng như Excel hiển thị ở mép trái trang tính
input-sub-header-row-empty = hàng tiêu đề { $sub } (hàng tiêu đề con của { $header }-{ $sub }) đang trống
input-give-header-row-one-row = hãy ghi --header-row { $header } nếu tiêu đề chỉ có một hàng, hoặc ghi hai hàng chứa các tiêu đề
manifest-header-rows-expected-pair = cần hai hàng như [4, 5], nhưng gặp { $count } số

## Khối lặp một cột bảng

template-column-not-in-table = { $text } lặp một cột bảng, nhưng không nằm trong bảng
template-column-put-in-first-cell = hãy đặt thẻ này ở ô đầu của cột, và thẻ đóng ở ô cuối của cột
template-column-needs-item-name = { $text } cần một tên cho các phần tử của nó
template-column-name-items = hãy đặt tên sau danh sách, như {"{{"}#each_col nam_khen as |nam|{"}}"}, rồi in {"{{"}nam{"}}"} trong các ô của cột
template-column-else = { $text } không được đứng trong khối cột
template-column-choice-in-one-cell = hãy đặt phần lựa chọn trong một ô bằng {"{{"}#if{"}}"} ... {"{{"}else{"}}"} ... {"{{"}/if{"}}"}
template-column-close-not-in-table = { $text } đóng một khối cột, nhưng không nằm trong bảng
template-column-put-in-last-cell = hãy đặt thẻ này ở ô cuối của cột
template-column-opened-close-in-own-column = { $tag } mở ở đoạn { $paragraph }: hãy đóng nó ở ô cuối của chính cột đó
template-column-open-in-first-cell = hãy mở khối ở ô đầu của cột bằng {"{{"}#{ $helper } ...{"}}"}
template-column-closes-no-block = { $text } không đóng khối cột nào được mở phía trên nó trong cùng cột
template-column-close-in-last-cell = hãy đóng bằng {"{{"}/{ $helper }{"}}"} ở ô cuối của cùng cột
template-column-closes-above = { $ot } mở ở hàng { $r1 } của bảng { $tn } nhưng { $ct } lại đóng phía trên nó, ở hàng { $r2 }
template-column-open-first-close-last = hãy mở khối cột ở ô đầu của cột và đóng ở ô cuối
template-column-different-columns = { $ot } và { $ct } nằm ở hai cột khác nhau của bảng { $tn }
template-column-close-in-its-column = hãy đóng khối cột ở ô cuối của chính cột mà nó mở
template-column-merged-cell-crosses = { $ot } lặp một cột của bảng { $tn }, nhưng hàng { $row } không có ô nào nằm đúng trên cột đó (một ô gộp vượt qua mép cột)
template-column-split-merged-cell = hãy tách ô gộp ở hàng { $row } theo mép cột, hoặc kết thúc khối cột phía trên hàng đó
template-merge-not-in-table = { $text } gộp một ô bảng, nhưng không nằm trong bảng
template-merge-put-in-cell = hãy đặt nó trong ô có các giá trị bằng nhau cần gộp, cạnh thẻ của ô đó

## Máy chủ của trang web

serve-listen-needs-password = địa chỉ khác 127.0.0.1 cần có mật khẩu
serve-add-password = hãy thêm --password, hoặc đặt biến VANBAN_PASSWORD
serve-cannot-start = không khởi động được máy chủ: { $e }
serve-cannot-listen = không lắng nghe được: { $e }
serve-choose-another-port = hãy chọn cổng khác bằng --port
serve-cannot-make-work-folder = không tạo được thư mục làm việc: { $e }
serve-failed = máy chủ bị lỗi: { $e }
serve-cannot-write-zip = không ghi được tệp .zip: { $e }

## Lỗi của các hàm trong thẻ (đối số sai trong thẻ của mẫu)

helper-failed = { $name }: { $message }
helper-expected = cần { $what }, nhưng gặp { $found }
helper-value-list = một danh sách
helper-value-object = một đối tượng
helper-value-nothing = giá trị trống
helper-value-quoted = '{ $value }'
helper-list-not-value = { $shown } là một danh sách, không phải một giá trị; hãy dùng { $hint }
helper-object-not-value = { $shown } là một đối tượng, không phải một giá trị; hãy dùng { $hint }
helper-not-block = { $name }: không phải hàm khối; hãy viết {"{{"}{ $name } …{"}}"}, không viết {"{{"}#{ $name } …{"}}"}
helper-no-named-arguments = { $name }: không nhận đối số có tên, nhưng gặp '{ $key }='
helper-argument-count = { $name }: cần { $expected }, nhưng có { $found }
helper-what-rows = một danh sách các dòng
helper-what-field-name = tên một trường trong dấu ngoặc kép
helper-what-number = một số
helper-what-whole-number = một số nguyên
helper-what-asc-desc = "asc" (tăng dần) hoặc "desc" (giảm dần)
helper-what-date = một ngày (dd/mm/yyyy)
helper-what-date-format = một định dạng như "dd/mm/yyyy"
helper-what-decimals = số chữ số thập phân từ 0 đến 10
helper-what-roman = một số nguyên từ 1 đến 3999
helper-what-text = một đoạn chữ
helper-rows-found-item = cần một danh sách các dòng, nhưng gặp một phần tử { $item }
helper-no-row-has-field = không dòng nào có trường '{ $field }' (các trường: { $known })
helper-number-in-field = cần một số ở trường '{ $field }' của dòng { $row }, nhưng gặp { $found }
helper-total-too-large = tổng quá lớn
helper-count-arguments = cần 1 đối số, hoặc một trường và ít nhất một giá trị
helper-share-of-zero = không chia được cho 0
helper-at-least-one-year = cần ít nhất 1 năm, nhưng gặp { $years }
helper-number-too-large = số { $value } quá lớn
helper-stt-outside-each = dùng ngoài {"{{"}#each{"}}"}; hàm này đánh số các dòng của một danh sách: {"{{"}#each rows{"}}{{"}stt{"}}"}…{"{{"}/each{"}}"}
helper-each-col-needs-list = each_col cần một danh sách, nhưng gặp '{ $found }'
helper-count-none = không có đối số nào
helper-count-exactly = { $min } đối số
helper-count-or = { $min } hoặc { $max } đối số
helper-count-range = từ { $min } đến { $max } đối số
helper-count-at-least = ít nhất { $min } đối số
