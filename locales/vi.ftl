# Tiếng Việt — ngôn ngữ mặc định. Mọi biến chèn vào đã được thoát HTML trước khi truyền vào.

## Lệnh (mô tả trong /help và thực đơn lệnh của Telegram)
cmd-start = Bắt đầu, liên kết tài khoản bằng mã mời
cmd-help = Danh sách lệnh bạn dùng được
cmd-lang = Đổi ngôn ngữ (Tiếng Việt / English)
cmd-me = Thông tin của bạn: họ tên, chức vụ, đơn vị, vai trò

## Vai trò
role-staff = Công chức, viên chức
role-head = Lãnh đạo đơn vị
role-leader = Lãnh đạo cơ quan (Thủ trưởng, Ban Giám đốc)
role-secretariat = Thường trực Hội đồng TĐKT
role-council = Thành viên Hội đồng TĐKT
role-admin = Quản trị
role-initiative_council = Thành viên Hội đồng sáng kiến
role-council_chair = Chủ tịch Hội đồng TĐKT
cmd-role = Thành viên các hội đồng, Thường trực, lãnh đạo: /role council add MÃ_CB …, /role council chair MÃ_CB, /role council remove MÃ_CB
cmd-team = Đoàn kiểm tra của một kế hoạch kiểm tra: /team SỐ_KẾ_HOẠCH add MÃ_CB_TRƯỞNG_ĐOÀN MÃ_CB …
role-bodies-header = <b>Các hội đồng và bộ phận</b>
role-members = { $body } ({ $count }): { $names }
role-usage = Dùng: <code>/role council add MÃ_CB MÃ_CB …</code>, <code>/role council chair MÃ_CB</code>, <code>/role council remove MÃ_CB</code>; thay <code>council</code> bằng <code>initiative_council</code>, <code>secretariat</code> hoặc <code>leader</code>.
role-add-done = ✅ Đã thêm { $count } người vào { $body }: { $names }. Từng người đã được báo.
role-remove-done = Đã bỏ { $count } người khỏi { $body }: { $names }. Từng người đã được báo.
role-chair-done = ✅ Chủ tịch { $body }: { $names }. Người đó đã được báo.
role-unknown-codes = Không có cán bộ đang công tác nào mang mã: { $codes }.
body-council = Hội đồng Thi đua, Khen thưởng
body-initiative_council = Hội đồng sáng kiến
body-secretariat = Thường trực Hội đồng (Văn phòng)
body-leader = Lãnh đạo cơ quan
body-add-notice = 📌 Bạn đã được thêm vào <b>{ $body }</b>. Gõ /help để xem các lệnh mới của bạn.
body-remove-notice = 📌 Bạn không còn trong <b>{ $body }</b>.
body-chair-notice = 📌 Bạn được giao làm Chủ tịch <b>{ $body }</b>. Gõ /help để xem các lệnh của bạn.
team-usage = Dùng: <code>/team SỐ_KẾ_HOẠCH</code> để xem đoàn, <code>/team SỐ_KẾ_HOẠCH add MÃ_CB_TRƯỞNG_ĐOÀN MÃ_CB …</code> để giao đoàn (người đầu tiên làm trưởng đoàn nếu đoàn chưa có).
team-added = ✅ Đã giao { $count } người vào đoàn kiểm tra: { $names }. Từng người đã được báo.
team-members = Đoàn kiểm tra của kế hoạch số { $id } ({ $count }): { $names }
team-head = trưởng đoàn
team-added-notice = 📋 Bạn được giao vào đoàn kiểm tra «{ $title }». Lịch làm việc với từng đơn vị sẽ được báo cho bạn; xem bằng /inspections.

## Chào và trợ giúp
help-header = <b>Các lệnh bạn dùng được</b>
help-line = /{ $command } — { $description }
help-group = <b>{ $group }</b>: { $commands }
help-group-mine = Việc của bạn
help-group-unit = Đơn vị
help-group-council = Hội đồng, kết quả
help-group-setup = Thiết lập
help-group-office = Phát động, nhắc việc, lịch
help-details = Gõ <code>/help tên_lệnh</code> để xem cách dùng, ví dụ <code>/help register</code>.
help-unlinked-footer = Bạn chưa liên kết tài khoản. Hãy xin <b>mã mời</b> từ Văn phòng (Thường trực Hội đồng Thi đua, Khen thưởng) rồi gửi <code>/start MÃ_MỜI</code>.
start-linked = Xin chào <b>{ $name }</b>! Gõ /help để xem các lệnh bạn dùng được.
unlinked-explain =
    Chào bạn! Đây là trợ lý công tác thi đua, khen thưởng của cơ quan.
    Để dùng, bạn cần <b>liên kết tài khoản</b>: xin mã mời từ Văn phòng (Thường trực Hội đồng TĐKT), sau đó gửi <code>/start MÃ_MỜI</code> hoặc bấm vào đường dẫn mời.

## Mã mời
invite-linked = Đã liên kết tài khoản với <b>{ $name }</b>. Gõ /me để xem thông tin, /help để xem các lệnh.
invite-already-linked = Tài khoản này đã được liên kết với <b>{ $name }</b> bằng mã này rồi.
invite-wrong = Mã mời không đúng. Hãy kiểm tra lại (mã gồm 10 ký tự). Bạn còn { $left } lần thử trong giờ này.
invite-wrong-last = Mã mời không đúng. Bạn đã nhập sai quá nhiều lần; hãy thử lại sau 1 giờ.
invite-locked = Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau { $until }.
invite-expired = Mã mời này đã hết hạn ngày { $date }. Hãy xin Văn phòng cấp mã mới.
invite-used = Mã mời này đã được dùng. Mỗi mã chỉ dùng được một lần; nếu không phải bạn dùng, hãy báo ngay cho Văn phòng.
invite-replaced = Mã mời này đã được thay bằng một mã mới hơn. Hãy dùng mã mới nhất Văn phòng gửi bạn.
invite-channel-full = Kênh Zalo Bot thử nghiệm đã đủ { $cap } người, nên chưa liên kết được tài khoản này. Mã mời của bạn vẫn dùng được: hãy gửi mã này cho Zalo OA của cơ quan (nếu cơ quan đã mở) hoặc cho bot trên Telegram, hoặc báo Văn phòng để được hướng dẫn.
invite-unknown-staff = Không có cán bộ nào mang mã { $code } trong danh sách.

## Hồ sơ
me-profile =
    <b>{ $name }</b>
    Chức vụ: { $position }
    Đơn vị: { $unit }
    Vai trò: { $roles }
me-no-position = (chưa có)

## Ngôn ngữ
lang-choose = Chọn ngôn ngữ:
lang-changed = Đã chuyển sang Tiếng Việt.
lang-name-vi = Tiếng Việt
lang-name-en = English

## Trả lời chung
unknown-command = Không có lệnh /{ $command }. Gõ /help để xem các lệnh bạn dùng được.
unknown-text = Tôi chưa hiểu tin nhắn này. Gõ /help để xem các lệnh bạn dùng được.
not-allowed = Lệnh /{ $command } không dành cho vai trò của bạn. Gõ /help để xem các lệnh bạn dùng được.
error-try-again = Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Vui lòng thử lại sau ít phút.
error-storage-full = Xin lỗi, máy chủ đã hết chỗ lưu dữ liệu nên yêu cầu của bạn chưa được ghi (không có gì bị ghi dở). Quản trị viên đã được báo; vui lòng thử lại sau.
cli-storage-full = Hết dung lượng đĩa của cơ sở dữ liệu: không ghi được gì (không có gì bị ghi dở). Hãy giải phóng dung lượng rồi chạy lại lệnh.
button-expired = Nút này không còn hiệu lực. Hãy gõ lại lệnh.

## Danh sách cán bộ (import roster)
roster-empty = Tệp danh sách trống.
roster-no-rows = Tệp danh sách chỉ có dòng tiêu đề, không có cán bộ nào.
roster-missing-columns = Không tìm thấy dòng tiêu đề có cột «Họ và tên» trong { $rows } dòng đầu của tệp. Dòng tiêu đề có thể ở bất kỳ dòng nào; cần có «Họ và tên» và «Đơn vị» (hoặc «Mã đơn vị»); «Mã cán bộ», «Chức vụ», «Ngày sinh», «Vai trò» nếu có.
roster-missing-unit-code = thiếu mã đơn vị
roster-missing-unit-name = thiếu đơn vị (không có cột «Đơn vị» và không nằm dưới dòng tên đơn vị nào)
roster-missing-staff-code = thiếu mã cán bộ
roster-missing-full-name = thiếu họ và tên
roster-code-too-long = mã quá dài (tối đa 64 ký tự) ở cột { $column }
roster-code-invalid = mã có ký tự không hợp lệ ở cột { $column } (chỉ dùng chữ, số, . _ - /)
roster-text-too-long = nội dung quá dài (tối đa 200 ký tự) ở cột { $column }
roster-row-invalid = dòng không hợp lệ ở cột { $column }
roster-unknown-role = vai trò không rõ «{ $role }» (dùng: nhân viên, trưởng phòng, phó trưởng phòng, lãnh đạo cơ quan, văn phòng/thường trực, hội đồng, quản trị)
roster-duplicate-staff-code = mã cán bộ { $code } trùng với dòng { $line }
roster-not-utf8 = Tệp không phải văn bản UTF-8 (có thể là tệp nhị phân). Hãy lưu danh sách dưới dạng CSV UTF-8 hoặc .xlsx.
roster-csv-invalid = Không đọc được tệp CSV: { $reason }
roster-xlsx-invalid = Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx.
roster-unsupported-format = Không hỗ trợ định dạng «{ $extension }». Hãy dùng .xlsx hoặc .csv.
file-not-found = Không tìm thấy tệp { $file }.
file-too-large = Tệp quá lớn ({ $size } MB); tối đa { $limit } MB.
file-unsafe = Tệp quá lớn hoặc hỏng nên không mở được (nội dung giải nén vượt giới hạn hoặc cấu trúc tệp không hợp lệ). Hãy mở tệp bằng Word hoặc Excel, lưu lại rồi gửi lại.

## Cơ sở dữ liệu
db-directory-locked = Thư mục dữ liệu { $dir } đang được một tiến trình tdkt-bot khác dùng (pid { $pid }). Hãy dừng tiến trình đó, hoặc đặt DATABASE_URL để nhiều tiến trình dùng chung một máy chủ Postgres.

## Dòng lệnh quản trị
cli-usage =
    Cách dùng: npm run tdkt -- <lệnh>
      migrate                          cập nhật cấu trúc cơ sở dữ liệu
      import roster <tệp.csv|tệp.xlsx> [--full]  nhập danh sách cán bộ (--full: ai không có trong tệp là đã rời cơ quan)
      invite <mã_cán_bộ…> | --unit MÃ_ĐV | --all [--out tệp.xlsx|tệp.docx] [--new]  mã mời (mã còn hạn được dùng lại; --new cấp mã mới)
      import plan <tệp> [--year NĂM] [--dry-run]  nhập bảng nhiệm vụ theo quý của kế hoạch (.docx, .md, .txt)
      reminders run [--at THỜI_ĐIỂM] [--dry-run]  chạy một lượt nhắc việc như ở thời điểm đó
      holiday add <yyyy-mm-dd> <tên>   thêm ngày nghỉ lễ (Tết, Giỗ Tổ…); holiday list để xem
      campaign launch --deadline dd/mm/yyyy --title "Tên"  phát động phong trào, mở đăng ký đến hạn
      import history <tệp.csv>         nhập danh hiệu các năm trước (staff_code, year, title_code)
      export registrations [--year NĂM] [--out tệp.xlsx] [--pending]  xuất biểu đăng ký thi đua (đã duyệt; --pending thêm chờ duyệt)
      audit --since dd/mm/yyyy         nhật ký thay đổi từ ngày đó
      backup <tệp> / restore <tệp>     sao lưu / khôi phục cơ sở dữ liệu nhúng (PGlite)
      seed demo                        nạp cơ quan mẫu
      privacy requests / privacy done <số> <ghi chú>  yêu cầu sửa, xóa dữ liệu cá nhân đang chờ / ghi đã xử lý
      agency add <MÃ> <tên> / agency list / agency parent <MÃ> <MÃ_TỈNH>  các cơ quan cùng một cơ sở dữ liệu, cơ quan cấp tỉnh theo dõi
      agency channel <MÃ> <THIẾT_LẬP> <giá_trị|->  kênh chat của cơ quan, mã hóa bằng CHANNEL_SECRETS_KEY
      cluster add <MÃ> <tên> / cluster member <MÃ_CỤM> <MÃ_CƠ_QUAN> [--leads NĂM]  cụm, khối thi đua và cụm trưởng
      province report [--year NĂM]     số liệu của từng cơ quan
cli-unknown-command = Lệnh không rõ: { $command }. Gõ npm run tdkt -- help để xem cách dùng.
cli-missing-argument = Thiếu tham số: { $argument }.
cli-migrated = Đã cập nhật cấu trúc cơ sở dữ liệu ({ $driver }).
cli-roster-summary = Danh sách cán bộ: { $created } tạo mới, { $updated } cập nhật, { $unchanged } không đổi, { $rejected } dòng bị loại; { $units } đơn vị mới; { $moved } người chuyển đơn vị ({ $registrations } đăng ký đang chờ duyệt chuyển theo); { $left } người rời cơ quan.
cli-roster-rejected = Dòng { $line }: { $reason }
cli-roster-ignored-columns = Bỏ qua các cột không dùng: { $columns }
cli-invite =
    Mã mời cho { $name } (hết hạn { $date }):
    INVITE { $code }
    { $link }
cli-seeded = Đã nạp cơ quan mẫu: { $people } cán bộ.

## Trò chuyện thử trên máy (console)
console-welcome = tdkt-bot — trò chuyện thử trên máy. Bạn đang là { $name } ({ $unit }). Gõ /help để bắt đầu; gõ số để bấm nút.
console-document = [Tệp đính kèm: { $name }]

## Kế hoạch
plan-no-task-table = Không tìm thấy bảng nhiệm vụ, cũng không có việc nào ghi hạn («trước ngày dd/mm/yyyy») hay lịch họp theo tháng. Bảng nhiệm vụ cần có cột «Nội dung» và cột «Đơn vị chủ trì» hoặc «Đơn vị phối hợp».
plan-unknown-columns = Có bảng nhưng không nhận ra các cột ({ $columns }). Bảng nhiệm vụ cần cột «Nội dung» và «Đơn vị chủ trì»/«Đơn vị phối hợp».
plan-no-tasks = Bảng nhiệm vụ không có nhiệm vụ nào.
plan-no-year = Không xác định được năm của kế hoạch; hãy ghi rõ bằng --year NĂM.
plan-docx-invalid = Không đọc được tệp Word: tệp hỏng hoặc không phải .docx.
plan-not-document = Tệp không phải văn bản (.docx, .md hoặc .txt).
cli-bad-year = Năm không hợp lệ: { $value }.
cli-plan-unmatched = Chưa khớp với danh sách đơn vị (sẽ không được nhắc): { $phrases }
cli-plan-saved = Đã lưu kế hoạch: { $created } nhiệm vụ mới, { $updated } cập nhật, { $removed } bỏ khỏi kế hoạch.

## Nhắc việc theo kế hoạch
tasks-role-lead = chủ trì
tasks-role-coordinating = phối hợp
reminder-quarter-digest = <b>Nhiệm vụ quý { $quarter }/{ $year } của { $unit }</b> ({ $count } nhiệm vụ):
reminder-task-line = • Q{ $quarter }.{ $number } { $content } — { $role }, hạn { $due }
reminder-task-line-done = • ✅ Q{ $quarter }.{ $number } { $content } — { $role }, đã xong
reminder-more = … và { $count } nhiệm vụ khác (gõ /tasks để xem đủ).
reminder-task-due =
    ⏰ <b>Còn { $days } ngày</b> đến hạn ({ $due }):
    Q{ $quarter }.{ $number } { $content }
    Đơn vị: { $unit }
reminder-overdue-digest = ⚠️ <b>{ $unit }: { $count } nhiệm vụ quá hạn</b>
reminder-overdue-summary = ⚠️ <b>Tổng hợp nhiệm vụ quá hạn:</b> { $count } nhiệm vụ ở { $units } đơn vị
reminder-overdue-summary-line = • { $unit }: { $count }
reminder-meeting =
    📅 <b>Nhắc lịch họp Hội đồng Thi đua, Khen thưởng</b>
    Thời gian: { $when }
    Địa điểm: { $place }
    Nội dung: { $agenda }

## /tasks
cmd-tasks = Nhiệm vụ quý này và việc quá hạn của đơn vị; /tasks 1–4 hoặc /tasks quá hạn; /tasks all: tổng hợp toàn cơ quan
cmd-note = Thêm ghi chú cho nhiệm vụ vừa đánh dấu xong
tasks-button-done = ✓ Xong { $number }
tasks-button-reopen = ↺ Mở lại { $number }
tasks-header = <b>Nhiệm vụ quý { $quarter }/{ $year } — { $unit }</b>
tasks-none = Đơn vị { $unit } không có nhiệm vụ nào trong quý { $quarter }/{ $year }.
tasks-no-unit = Bạn không phải lãnh đạo đơn vị nào nên không có danh sách nhiệm vụ. Gõ /tasks all để xem tổng hợp.
tasks-marked-done = ✅ Đã đánh dấu xong Q{ $quarter }.{ $number }. Gõ /note nội dung trong 30 phút nếu muốn thêm ghi chú.
tasks-reopened = ↺ Đã mở lại Q{ $quarter }.{ $number }.
tasks-not-yours = Nhiệm vụ này không thuộc đơn vị bạn phụ trách.
tasks-note-saved = Đã lưu ghi chú cho Q{ $quarter }.{ $number }.
tasks-note-nothing = Không có nhiệm vụ nào bạn vừa đánh dấu xong để ghi chú. Hãy bấm «Xong» trước.
tasks-note-empty = Hãy ghi nội dung sau lệnh, ví dụ: <code>/note Đã gửi báo cáo số 12/BC</code>.
tasks-all-header = <b>Tiến độ nhiệm vụ năm { $year }</b> (đã xong/tổng số, theo quý):
tasks-all-line = • { $unit }: Q1 { $q1 } · Q2 { $q2 } · Q3 { $q3 } · Q4 { $q4 }
tasks-all-none = Chưa có kế hoạch nào cho năm { $year }. Văn phòng nhập kế hoạch bằng cách gửi tệp cho bot hoặc dùng lệnh import plan.
cli-bad-time = Thời điểm không hợp lệ: { $value } (dùng ISO-8601, ví dụ 2024-03-25T08:00:00+07:00).
cli-reminders-planned = Lượt nhắc lúc { $at } sẽ xếp { $count } tin (chạy thử, chưa lưu gì).
cli-reminders-queued = Lượt nhắc lúc { $at }: xếp thêm { $count } tin.
cli-reminders-busy = Một phiên bản bot đang chạy lượt nhắc ngay lúc này; chạy lại lệnh sau một phút.
cli-reminders-sent = Đã gửi { $count } tin.

## Nhập kế hoạch trong chat
cmd-plan = Nhập kế hoạch: gửi tệp kế hoạch (.docx, .md, .txt) cho bot
plan-help = Gửi tệp kế hoạch (.docx, .md hoặc .txt) cho tôi. Tôi sẽ đọc bảng nhiệm vụ theo quý, cho bạn xem trước và chỉ lưu khi bạn xác nhận.
upload-download-failed = Không tải được tệp. Vui lòng gửi lại.
plan-import-expired = Bản xem trước này đã hết hiệu lực hoặc đã được xử lý. Hãy gửi lại tệp.
plan-preview-header = <b>{ $title }</b> (năm { $year }): tìm thấy { $count } nhiệm vụ. Kiểm tra rồi bấm «Lưu kế hoạch».
plan-preview-quarter = <b>Quý { $quarter }</b>: { $count } nhiệm vụ
plan-preview-task = { $position }) { $number }. { $content } — hạn { $due } ({ $from }){ $dueMark }; chủ trì: { $lead }; phối hợp: { $coordinating } ({ $unitsFrom }){ $unitsMark }
plan-preview-unmatched = ⚠️ <b>{ $count } tên đơn vị chưa khớp danh sách</b> (sẽ không được nhắc nếu để nguyên):
plan-preview-unmatched-line = { $position }. { $phrase }
plan-button-map = Gán { $position }: { $phrase }
plan-button-save = ✅ Lưu kế hoạch
plan-button-cancel = Hủy
plan-button-external = Ngoài danh sách (không nhắc)
plan-button-back = « Quay lại
plan-map-choose = «{ $phrase }» là đơn vị nào? Lựa chọn sẽ được nhớ cho các lần nhập sau.
plan-import-cancelled = Đã hủy, không lưu gì.
plan-import-saved = ✅ Đã lưu <b>{ $title }</b>: { $created } nhiệm vụ mới, { $updated } cập nhật, { $removed } bỏ khỏi kế hoạch. { $unmatched } tên đơn vị chưa khớp được giữ nguyên văn.

## Họp Hội đồng
cmd-meeting = Ghi lịch họp Hội đồng: /meeting dd/mm/yyyy HH:mm | địa điểm | nội dung; /meeting move N …, /meeting cancel N
cmd-meetings = Các cuộc họp Hội đồng sắp tới
meeting-usage = Cách ghi lịch họp: <code>/meeting 25/03/2024 14:00 | Phòng họp tầng 2 | Bình xét thi đua quý I</code>; dời: <code>/meeting move 3 27/03/2024 14:00 | Phòng họp tầng 3</code> (địa điểm tùy chọn); hủy: <code>/meeting cancel 3</code> (số cuộc họp xem trong /meetings).
meeting-date-invalid = Ngày giờ «{ $value }» không có thật. Hãy kiểm tra lại (dd/mm/yyyy HH:mm).
meeting-in-past = Thời điểm { $when } đã qua. Hãy chọn một thời điểm sắp tới.
meeting-saved = 📅 Đã ghi lịch họp số { $id }: { $when } tại { $place }: { $agenda }. Thành viên Hội đồng sẽ được nhắc trước 3 ngày và 1 ngày.
meetings-none = Chưa có cuộc họp Hội đồng nào sắp tới.
meetings-header = <b>Các cuộc họp Hội đồng sắp tới</b>
meetings-line = • Số { $id }: { $when } — { $place }: { $agenda }
cli-bad-day = Ngày không hợp lệ: { $value } (dùng yyyy-mm-dd).
cli-holiday-added = Đã thêm ngày nghỉ { $day }: { $name }.

## Đăng ký danh hiệu thi đua
cmd-register = Đăng ký danh hiệu thi đua năm nay
cmd-myregs = Đăng ký của tôi: trạng thái, lịch sử, sửa hoặc rút
cmd-approve = Duyệt đăng ký đang chờ bạn: của cán bộ trong đơn vị, hoặc (lãnh đạo cơ quan) của trưởng đơn vị và tập thể; /approve năm để xem năm khác
cmd-report = Tổng hợp đăng ký theo đơn vị
cmd-export = Xuất biểu đăng ký thi đua (Excel)
cmd-rule = Quy định riêng của cơ quan: /rule (tên cơ quan, yêu cầu sáng kiến, tỷ lệ, ngưỡng bỏ phiếu của Hội đồng)
cmd-campaign = Phát động phong trào: /campaign dd/mm/yyyy Tên phong trào (hạn đăng ký)
status-submitted = Chờ duyệt
status-approved = Đã duyệt
status-returned = Trả lại
status-withdrawn = Đã rút
registration-action-submitted = gửi đăng ký
registration-action-changed = sửa đăng ký
registration-action-resubmitted = sửa và gửi lại
registration-action-approved = được duyệt
registration-action-returned = bị trả lại
registration-action-withdrawn = rút đăng ký
register-choose-title = <b>Đăng ký danh hiệu thi đua năm { $year }</b>
    Chọn danh hiệu bạn đăng ký:
register-refused-not-launched = Chưa phát động phong trào thi đua năm nay nên chưa mở đăng ký. Văn phòng sẽ thông báo khi mở.
register-refused-closed = Đã hết hạn đăng ký (hạn chót { $date }). Nếu cần, hãy liên hệ Văn phòng.
register-refused-collective = { $title }: chỉ lãnh đạo đơn vị đăng ký danh hiệu tập thể cho đơn vị mình.
register-refused-history = { $title }: cần { $needed } năm liên tục đạt { $prerequisite } — bạn có { $have }.
register-refused-initiative = { $title }: cần khai báo tên sáng kiến hoặc đề tài.
register-refused-not-registrable = { $title } do cấp trên xét chọn, không đăng ký trực tiếp.
register-refused-unknown-title = Danh hiệu này không có trong danh mục hiện hành. Hãy gõ /register để chọn lại.
register-not-yours = Đăng ký này không phải của bạn hoặc đã được rút.
register-choose-form = <b>{ $title }</b>
    Chọn hình thức khen thưởng đề nghị (không bắt buộc):
register-form-none = Không đề nghị
register-ask-initiative = <b>{ $title }</b>: hãy gõ <b>tên sáng kiến</b> của bạn:
register-ask-initiative-choose = <b>{ $title }</b>: chọn một sáng kiến của bạn đã được công nhận, hoặc gõ <b>tên sáng kiến</b> khác:
register-ask-initiative-again = Hãy gõ tên (ít nhất 3 ký tự), hoặc bấm «Quay lại» / «Hủy».
register-initiative-invalid = Tên cần từ 3 đến 300 ký tự. Hãy gõ lại.
register-summary =
    <b>Kiểm tra lại đăng ký</b>
    Danh hiệu: { $title }
    Hình thức khen thưởng: { $form }
    Căn cứ: { $basis }
    Sáng kiến / đề tài: { $initiative }
register-button-confirm = ✅ Xác nhận đăng ký
conversation-button-back = « Quay lại
conversation-button-cancel = Hủy
register-button-change = Sửa đăng ký
register-button-fix = Sửa và gửi lại
register-button-withdraw = Rút đăng ký
conversation-use-buttons = Hãy chọn một trong các lựa chọn ở tin nhắn trên (nút bấm, hoặc trên Zalo: số thứ tự), hoặc chọn «Hủy».
conversation-cancelled = Đã hủy, không lưu gì.
register-done-submitted = ✅ Đã gửi đăng ký <b>{ $title }</b>. Trạng thái: chờ lãnh đạo đơn vị duyệt. Xem lại bằng /myregs.
register-done-changed = ✅ Đã sửa đăng ký thành <b>{ $title }</b>, chờ lãnh đạo đơn vị duyệt lại.
register-done-resubmitted = ✅ Đã sửa và gửi lại đăng ký <b>{ $title }</b>, chờ lãnh đạo đơn vị duyệt.
register-done-unchanged = Đăng ký <b>{ $title }</b> của bạn đã được ghi nhận trước đó, không có gì thay đổi.
register-already = Năm nay bạn đã đăng ký: <b>{ $title }</b>. Bấm «Sửa đăng ký» để sửa hoặc để đăng ký thêm danh hiệu khác cấp (ví dụ CSTĐ bộ, ngành, tỉnh cùng năm với CSTĐCS), hoặc rút một đăng ký.
register-withdrawn = Đã rút đăng ký. Bạn có thể đăng ký lại bằng /register trước hạn.
myregs-none = Bạn chưa đăng ký danh hiệu nào cho năm { $year }.
myregs-header = <b>Đăng ký thi đua năm { $year }</b>
myregs-line = <b>{ $title }</b> — { $status }
    Hình thức khen thưởng: { $form }; sáng kiến: { $initiative }
myregs-return-reason = Lý do trả lại: { $reason }
myregs-event = · { $when }: { $action } { $reason }
approve-none = Không có đăng ký nào của { $unit } năm { $year } đang chờ bạn duyệt.
approve-header = <b>Đăng ký chờ duyệt năm { $year } — { $unit }</b> ({ $count }):
approve-line = { $number }. { $name }: { $title }; { $form }; sáng kiến: { $initiative }
approve-button-approve = ✓ Duyệt { $number }
approve-button-return = ↩ Trả lại { $number }
approve-ask-reason = Gõ <b>lý do trả lại</b> để người đăng ký biết cần sửa gì:
approve-reason-needed = Cần ghi lý do trả lại (ít nhất 3 ký tự).
approve-approved = ✅ Đã duyệt. Người đăng ký đã được thông báo.
approve-returned = ↩ Đã trả lại kèm lý do. Người đăng ký đã được thông báo và có thể sửa, gửi lại.
approve-not-your-unit = Đăng ký này không thuộc đơn vị bạn phụ trách.
approve-not-pending = Đăng ký này không còn ở trạng thái chờ duyệt.
registration-approved-notice = ✅ Đăng ký <b>{ $title }</b> của bạn đã được { $head } duyệt.
registration-returned-notice =
    ↩ Đăng ký <b>{ $title }</b> của bạn bị { $head } trả lại.
    Lý do: { $reason }
    Gõ /myregs để sửa và gửi lại.
registration-reminder = ⏰ Bạn chưa đăng ký danh hiệu thi đua ({ $campaign }). Hạn chót: <b>{ $deadline }</b>.
registration-reminder-button = Đăng ký ngay
report-no-campaign = Chưa phát động phong trào năm { $year }. Dùng /campaign để mở đăng ký.
report-header =
    <b>Tổng hợp đăng ký thi đua năm { $year }</b> — { $campaign } (hạn { $deadline })
    Đơn vị: cán bộ · đã liên kết · đã đăng ký · đã duyệt · chờ duyệt · chưa đăng ký
report-line = • { $unit }: { $staff } · { $linked } · { $registered } · { $approved } · { $pending } · { $missing }
report-cap-warning = ⚠️ { $unit }: { $count } { $title } trên { $of } { $base } = { $percent }%, vượt mức { $max }%.
report-button-remind = Nhắc { $count } người chưa đăng ký
report-reminded = Đã xếp lịch nhắc { $count } người chưa đăng ký, gửi từ { $when }. Mỗi người được nhắc tối đa một lần mỗi ngày: { $already } người đã được nhắc hôm nay nên không nhắc lại.
export-none = Chưa có đăng ký nào để xuất cho năm { $year } (mặc định chỉ các đăng ký đã duyệt; thêm «pending» để lấy cả đăng ký chờ duyệt).
export-caption = Biểu đăng ký thi đua năm { $year }: { $individuals } cá nhân, { $collectives } tập thể.
export-sheet-individuals = Cá nhân
export-sheet-collectives = Tập thể
export-title-individuals = BIỂU ĐĂNG KÝ DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG CÁ NHÂN NĂM { $year }
export-title-collectives = BIỂU ĐĂNG KÝ DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG TẬP THỂ NĂM { $year }
campaign-usage = Cách phát động: <code>/campaign 30/01/2025 Phong trào thi đua năm 2025</code> (ngày là hạn chót đăng ký).
campaign-saved = 📣 Đã phát động <b>{ $title }</b>. Đăng ký mở đến hết ngày { $deadline }.
history-unknown-staff = không có cán bộ mã { $code }
history-unknown-title = không có danh hiệu mã { $code }
cli-history-summary = Lịch sử danh hiệu: { $imported } dòng đã nhập, { $rejected } bị từ chối.
cli-exported = Đã ghi { $file }: { $individuals } cá nhân, { $collectives } tập thể.
cli-campaign-usage = Cách dùng: campaign launch --deadline dd/mm/yyyy --title "Tên phong trào"
cli-campaign-launched = Đã phát động { $title } năm { $year }; đăng ký mở đến hết ngày { $deadline }.
history-bad-year = năm không hợp lệ
history-missing-title = thiếu mã danh hiệu

## Thông báo và phát động phong trào
cmd-broadcast = Gửi thông báo đến mọi người hoặc một nhóm
cmd-launch = Phát động phong trào: /launch dd/mm/yyyy Tên phong trào (gửi thông báo và mở đăng ký)
cmd-campaigns = Các đợt phát động và thông báo năm nay, kèm số liệu gửi
launch-usage = Cách phát động: <code>/launch 30/01/2025 Phong trào thi đua năm 2025</code> (ngày là hạn chót đăng ký).
broadcast-ask-text = Gõ <b>nội dung thông báo</b>. Bạn có thể định dạng chữ đậm, nghiêng, liên kết… như khi nhắn tin.
launch-ask-text = Gõ <b>nội dung thông báo phát động</b> «{ $title }». Người nhận sẽ thấy nút «Đăng ký ngay».
broadcast-ask-text-again = Hãy gõ nội dung thông báo bằng chữ, hoặc bấm «Hủy».
broadcast-html-invalid = Nội dung có thẻ HTML sai: { $detail }. Hãy sửa rồi gửi lại.
broadcast-empty = Nội dung trống. Hãy gõ nội dung thông báo.
broadcast-too-long = Nội dung dài { $length } ký tự, quá giới hạn { $limit } ký tự của Telegram. Hãy rút gọn rồi gửi lại.
broadcast-caption-too-long = Khi kèm tệp, nội dung chỉ được tối đa { $limit } ký tự (hiện { $length }). Hãy gửi tệp sau khi rút gọn nội dung, hoặc bấm «Không đính kèm».
broadcast-ask-document = Gửi <b>tệp đính kèm</b> (kế hoạch, quyết định phát động…) hoặc bấm «Không đính kèm».
broadcast-ask-document-again = Hãy gửi một tệp, hoặc bấm «Không đính kèm».
broadcast-button-no-document = Không đính kèm
broadcast-ask-audience = Gửi cho ai?
broadcast-audience-all = Mọi người
broadcast-audience-units = Chọn đơn vị…
broadcast-audience-heads = Lãnh đạo đơn vị
broadcast-audience-council = Hội đồng TĐKT
broadcast-audience-unregistered = Người chưa đăng ký thi đua năm nay
broadcast-ask-units = Chọn các đơn vị nhận rồi bấm «Xong»:
broadcast-button-units-done = Xong
broadcast-audience-empty = Không có ai đã liên kết tài khoản trong nhóm này. Hãy chọn nhóm khác.
broadcast-preview-intro = 👇 Người nhận sẽ thấy đúng như sau:
broadcast-confirm = Sẽ gửi cho <b>{ $count }</b> người. Gửi ngay?
launch-confirm = Sẽ phát động <b>{ $title }</b> (đăng ký đến hết { $deadline }) và gửi cho <b>{ $count }</b> người. Gửi ngay?
broadcast-button-send = 📣 Gửi cho { $count } người
broadcast-starting = ⏳ Đang bắt đầu gửi…
broadcast-progress =
    📣 <b>Đang gửi</b> { $bar }
    Đã gửi: { $sent } · Lỗi: { $failed } · Còn lại: { $remaining }
    Ước tính còn { $eta }
broadcast-button-cancel = ⏹ Dừng gửi
broadcast-cancelling = Đã dừng: những tin chưa gửi sẽ không gửi nữa.
broadcast-done =
    ✅ <b>Đã gửi xong</b> { $bar }
    Đã gửi: { $sent } · Không gửi được: { $failed } · Không rõ kết quả: { $unknown }
broadcast-cancelled-report =
    ⏹ <b>Đã dừng gửi</b>
    Đã gửi: { $sent } · Không gửi được: { $failed } · Không rõ: { $unknown } · Đã hủy: { $cancelled }
broadcast-reason-line = • { $reason }: { $count }
broadcast-button-unreached = Người không nhận được ({ $count })
broadcast-unreached-header = <b>Người không nhận được</b> ({ $count }):
broadcast-unreached-line = • { $name } — { $unit }: { $reason }
broadcast-status-draft = nháp
broadcast-status-sending = đang gửi
broadcast-status-cancelled = đã dừng
broadcast-status-done = đã gửi xong
campaigns-none = Chưa có đợt phát động hay thông báo nào năm { $year }.
campaigns-header = <b>Phát động và thông báo năm { $year }</b>
campaigns-launch-line = 📣 { $date } — phát động «{ $title }»: { $sent }/{ $recipients } đã gửi, { $failed } lỗi, { $remaining } còn lại ({ $status })
campaigns-broadcast-line = ✉️ { $date } — «{ $title }»: { $sent }/{ $recipients } đã gửi, { $failed } lỗi, { $remaining } còn lại ({ $status })
backup-use-pg-dump = Với DATABASE_URL (máy chủ Postgres), hãy sao lưu bằng pg_dump và khôi phục bằng pg_restore.
restore-not-empty = Thư mục { $dir } đã có dữ liệu. Hãy khôi phục vào một thư mục trống (đặt DATA_DIR) hoặc chuyển dữ liệu cũ đi trước.
cli-backup-done = Đã sao lưu vào { $file } ({ $size } MB).
cli-restore-done = Đã khôi phục { $file } vào { $dir }.

## Kiểm tra công tác thi đua, khen thưởng
cmd-inspections = Lịch kiểm tra: của đơn vị bạn, của đoàn kiểm tra, hoặc toàn bộ
cmd-visit = Xếp lịch kiểm tra: /visit mã_kế_hoạch mã_đơn_vị dd/mm/yyyy HH:mm [| lý do]; /visit cancel mã_lịch
inspection-no-units = Không tìm thấy danh sách cơ quan, đơn vị được chọn kiểm tra trong tài liệu.
inspection-unknown = Không có kế hoạch kiểm tra số { $id }.
inspection-member-inspected = Cán bộ { $code } là thành viên đoàn kiểm tra nhưng thuộc một đơn vị được kiểm tra.
visit-usage = Cách xếp lịch: <code>/visit 1 XQS 15/05/2024 08:30</code>; thêm <code>| lý do</code> nếu cần xếp sớm hơn thời hạn thông báo; <code>/visit cancel 3</code> để hủy; <code>/visit docs 1 XQS 15/05/2024</code> nếu kiểm tra qua hồ sơ.
visit-in-past = Thời điểm kiểm tra đã qua. Hãy chọn một ngày sắp tới.
visit-notice-too-short = Chỉ còn { $days } ngày, chưa đủ { $min } ngày thông báo trước theo kế hoạch. Nếu vẫn cần, thêm <code>| lý do</code> vào cuối lệnh; lý do sẽ được ghi lại.
visit-unknown-unit = Không có đơn vị mã { $code } trong danh sách.
visit-unit-not-inspected = { $unit } không có trong danh sách được kiểm tra của kế hoạch này.
visit-not-found = Không có lịch kiểm tra đang hiệu lực với mã này.
visit-scheduled-done = 📅 Đã xếp lịch kiểm tra số { $id } lúc { $when }.
visit-moved-done = 📅 Đã dời lịch kiểm tra số { $id } sang { $when }.
visit-cancelled-done = Đã hủy lịch kiểm tra. Lãnh đạo đơn vị và đoàn kiểm tra (nếu có) đã được thông báo.
visit-mode-onsite = làm việc trực tiếp tại đơn vị
visit-mode-documents = kiểm tra qua hồ sơ
visit-notice =
    📋 <b>Thông báo lịch kiểm tra công tác thi đua, khen thưởng</b>
    { $title }
    Đơn vị: { $unit }
    Thời gian: { $when } ({ $mode })
    Gửi báo cáo bằng văn bản chậm nhất ngày { $report }.
visit-moved-unit =
    📋 <b>Lịch kiểm tra của { $unit } đã thay đổi</b>
    Thời gian cũ: { $from }
    Thời gian mới: { $when } ({ $mode })
    Gửi báo cáo chậm nhất ngày { $report }.
visit-moved-team = 📋 Lịch kiểm tra { $unit } đã dời từ { $from } sang { $when }; báo cáo của đơn vị đến hạn ngày { $report }.
visit-cancelled = 📋 Lịch kiểm tra { $unit } lúc { $when } đã bị hủy.
visit-report-due-tomorrow = ⏰ Ngày mai ({ $report }) là hạn gửi báo cáo kiểm tra công tác TĐKT của { $unit } (kiểm tra lúc { $when }).
visit-report-due-today = ⏰ Hôm nay ({ $report }) là hạn gửi báo cáo kiểm tra công tác TĐKT của { $unit }. Gửi tệp báo cáo cho tôi hoặc bấm «Đã gửi báo cáo» trong /inspections.
visit-tomorrow = 📋 Ngày mai đoàn kiểm tra làm việc với { $unit } lúc { $when }.
visit-tomorrow-documents = 📋 Ngày mai đoàn kiểm tra xem xét hồ sơ của { $unit } ({ $when }).
visit-report-late = ⚠️ { $unit } chưa gửi báo cáo kiểm tra (hạn { $report }; kiểm tra lúc { $when }).
visit-report-received = 📥 { $unit } đã gửi báo cáo kiểm tra (lịch { $when }).
visit-report-received-late = 📥 { $unit } đã gửi báo cáo kiểm tra, nhưng trễ hạn (lịch { $when }).
visit-report-noted = 📥 Đã ghi nhận báo cáo của đơn vị. Đoàn kiểm tra đã được thông báo.
visit-report-noted-late = 📥 Đã ghi nhận báo cáo (đã quá hạn). Đoàn kiểm tra đã được thông báo.
visit-no-report-due = Đơn vị bạn không có lịch kiểm tra nào đang chờ báo cáo.
visit-state-notified = đã thông báo
visit-state-report = đã nhận báo cáo
visit-state-done = đã kiểm tra
visit-report-status-received = đã gửi báo cáo
visit-report-status-waiting = chưa gửi báo cáo
inspections-none = Không có lịch kiểm tra nào liên quan đến bạn.
inspections-calendar-header = <b>Lịch kiểm tra</b> ({ $count } buổi):
inspections-calendar-line = • #{ $id } { $when } — { $unit }: { $state }
inspections-unit-line =
    📋 <b>{ $when }</b> — { $title } ({ $mode })
    Chuẩn bị: báo cáo bằng văn bản gửi trước ngày { $report }; hồ sơ TĐKT từ đầu năm. Trạng thái: { $status }
inspections-button-report-sent = Đã gửi báo cáo
inspections-team-header = <b>Lịch làm việc của đoàn kiểm tra</b>
inspections-team-line = • { $when } — { $unit }
cli-inspection-usage = Cách dùng: import inspection <tệp> [--kind direct|self|cross] [--team MÃ_TRƯỞNG_ĐOÀN,MÃ_THÀNH_VIÊN,…] [--year NĂM]
cli-inspection-created = Đã tạo kế hoạch kiểm tra số { $id }: { $title }; { $units } đơn vị; tháng { $from }–{ $to }; thông báo trước { $notice } { $noticeUnit }; báo cáo trước { $report } { $reportUnit }.
cli-audit-usage = Cách dùng: audit --since dd/mm/yyyy
cli-audit-count = { $count } mục nhật ký.
cli-agency-usage = Cách dùng: agency add MÃ Tên cơ quan (mã: chữ, số, _ hoặc -, tối đa 32 ký tự).
cli-agency-exists = Đã có cơ quan mã { $code }.
cli-agency-added = Đã thêm cơ quan { $code } — { $name }: chạy bot của cơ quan này với AGENCY_ID={ $id }.
cli-agency-line = { $id }  { $code }  { $name } — { $people } cán bộ đang làm việc
cli-province-header = Các cơ quan, năm { $year }: cán bộ | đăng ký | đã duyệt | đề nghị cấp trên | được khen | phần việc quá hạn
cli-province-line = { $code }  { $name }: { $people } | { $registered } | { $approved } | { $proposedUp } | { $awarded } | { $lateDuties }
cli-agency-channel-usage = Cách dùng: agency channel MÃ TÊN_THIẾT_LẬP giá_trị (hoặc - để đọc giá trị từ bàn phím/đầu vào; để trống để xóa).
cli-agency-unknown = Không có cơ quan mã { $code }.
cli-agency-channel-saved = Đã lưu { $name } của cơ quan { $code } (đã mã hóa). Bot của cơ quan chạy với AGENCY_ID={ $id } và CHANNEL_SECRETS_KEY sẽ dùng thiết lập này.
cli-agency-parent-saved = Cơ quan { $code } từ nay do { $parent } theo dõi (lệnh /agencies của { $parent }).
cli-cluster-usage = Cách dùng: cluster add MÃ Tên cụm (mã: chữ, số, _ hoặc -, tối đa 32 ký tự) · cluster member MÃ_CỤM MÃ_CƠ_QUAN [--leads NĂM].
cli-cluster-exists = Đã có cụm mã { $code }.
cli-cluster-added = Đã thêm cụm { $code }: { $name }.
cli-cluster-member-saved = Cơ quan { $agency } thuộc cụm { $cluster } (lệnh /cluster của cơ quan).
cli-agency-channel-removed = Đã xóa { $name } của cơ quan { $code }.
channel-setting-unknown = { $name } không phải thiết lập kênh lưu được. Các thiết lập: { $names }.
channel-secret-unreadable = Không mở được thiết lập { $name } trong cơ sở dữ liệu: CHANNEL_SECRETS_KEY không phải khóa đã dùng để lưu.
channel-secrets-key-missing = Cần đặt CHANNEL_SECRETS_KEY (ít nhất 32 ký tự) để lưu thiết lập kênh vào cơ sở dữ liệu.

## Zalo, and where notifications go
cmd-notify = Nhận thông báo qua: /notify telegram, /notify zalo hoặc /notify both (cả hai)
notify-current = Thông báo của bạn đang gửi qua: <b>{ $via }</b>. Chọn cách nhận:
notify-usage = Cách dùng: <code>/notify telegram</code>, <code>/notify zalo</code> hoặc <code>/notify both</code> (cả hai).
notify-set = Từ nay thông báo gửi qua: <b>{ $via }</b>.
notify-set-not-linked = Đã ghi: thông báo gửi qua <b>{ $via }</b>. Bạn chưa liên kết tài khoản { $via }, nên cho đến khi liên kết, thông báo vẫn gửi đến các tài khoản bạn đang có. Để liên kết, xin mã mời từ Văn phòng rồi gửi mã đó trong { $via }.
notify-via-telegram = Telegram
notify-via-zalo = Zalo
notify-via-both = Cả Telegram và Zalo
plain-choose-hint = Trả lời bằng số thứ tự (ví dụ: 1) hoặc gõ tên lựa chọn.
plain-choice-out-of-range = Không có lựa chọn đó. Hãy trả lời bằng số đứng trước lựa chọn, từ { $first } đến { $last }.
plain-choice-ambiguous = Số đó có nhiều lựa chọn: { $keys }. Hãy trả lời đúng một trong số đó.
zalo-document-link = 📎 Tải tệp { $name } tại: { $url }
    Đường dẫn dùng được một lần, đến { $until }; đừng chuyển cho người khác.
download-page-title = Tải tệp từ tdkt-bot
download-page-intro = Tệp «{ $file }» đã sẵn sàng. Đường dẫn này chỉ tải được một lần.
download-page-button = Tải xuống
download-page-used = Đường dẫn này đã được dùng để tải tệp. Nếu bạn cần tệp lần nữa, hãy gõ lại lệnh trong cuộc trò chuyện với bot.
zalo-document-unavailable = 📎 Zalo không nhận được tệp { $name } từ bot. Hãy dùng lệnh này trên Telegram, hoặc đề nghị Văn phòng gửi tệp cho bạn.

## Danh sách cán bộ qua chat
cmd-roster = Nhập danh sách cán bộ: gửi tệp .xlsx hoặc .csv cho bot
roster-help = Gửi tệp danh sách cán bộ (.xlsx hoặc .csv) cho tôi. Tôi sẽ cho bạn xem trước số người mới, số người đã có và các dòng bị loại, và chỉ nhập khi bạn xác nhận.
upload-reading = Đang đọc tệp…
roster-preview = Tệp <b>{ $file }</b> (dòng tiêu đề: dòng { $header }): { $created } người mới, { $known } người đã có, trong đó { $moved } người chuyển đơn vị; { $leaving } người đang có trong hệ thống không còn trong tệp; { $rejected } dòng bị loại.
roster-preview-more = … và { $count } dòng bị loại khác.
roster-button-import = ✅ Nhập danh sách
group-not-served = Trợ lý thi đua, khen thưởng chỉ làm việc trong trò chuyện riêng: hãy nhắn riêng cho tôi.
plain-choices-updated = Các lựa chọn đã được cập nhật:

upload-link = Zalo không chuyển tệp cho bot. Mở liên kết này để gửi tệp (dùng được đến { $expires }; chỉ dành cho bạn, đừng chuyển cho người khác):
    { $url }
upload-link-unavailable = Trên nền tảng này bot chưa nhận được tệp (cần chạy ở chế độ webhook). Người quản trị có thể nhập tệp trên máy chủ: <code>npm run tdkt -- import plan</code> hoặc <code>import roster</code>.
upload-page-title = Gửi tệp cho tdkt-bot
upload-page-intro = Chọn tệp rồi bấm «Gửi». Bản xem trước sẽ hiện trong cuộc trò chuyện với bot; chưa có gì được lưu cho đến khi bạn xác nhận ở đó.
upload-page-send = Gửi
upload-page-received = Đã nhận tệp «{ $file }». Hãy quay lại cuộc trò chuyện với bot để xem bản xem trước và xác nhận.
upload-page-too-large = Tệp lớn hơn { $megabytes } MB nên không nhận được. Hãy chọn tệp nhỏ hơn.
upload-page-no-file = Chưa chọn tệp nào, hoặc tên tệp không hợp lệ. Hãy chọn lại.
upload-page-busy = Máy chủ đang nhận nhiều tệp cùng lúc. Vui lòng thử lại sau ít phút.
register-button-withdraw-title = Rút: { $title }
register-choose-basis = <b>{ $title }</b>: bạn đăng ký dựa trên thành tích nào?
basis-excellent = Hoàn thành xuất sắc nhiệm vụ
basis-initiative = Sáng kiến được công nhận
basis-research = Đề tài, đề án khoa học được nghiệm thu
register-ask-research = <b>{ $title }</b>: hãy gõ <b>tên đề tài, đề án</b> của bạn:
register-refused-basis = { $title }: hãy chọn căn cứ đăng ký (hoàn thành xuất sắc nhiệm vụ, sáng kiến hoặc đề tài).
register-refused-agency-initiative = { $title }: theo { $rule }, cần có sáng kiến hoặc đề tài; «hoàn thành xuất sắc nhiệm vụ» chưa đủ.
register-refused-history-this-year = { $title }: cần 3 năm liên tục đạt { $prerequisite }, năm thứ ba có thể là năm nay — bạn có { $have } năm trước đó. Hãy đăng ký { $prerequisite } năm nay trước.
register-refused-awards = { $title }: cần { $needed } lần liên tục được tặng { $prerequisite } (hai lần cách nhau không quá { $cycle } năm) — bạn có { $have }.
rule-header = <b>Quy định đang áp dụng</b>
    Cơ quan: { $agency }
    Quy định chung: { $national }
rule-initiative-line = • { $title }: cần sáng kiến hoặc đề tài làm căn cứ — theo { $source }
rule-cap-line = • { $title } không quá { $percent } % số { $of } (cảnh báo, không từ chối) — theo { $source }
rule-none = Cơ quan chưa đặt quy định riêng nào.
rule-usage = Cách dùng: /rule · /rule agency <tên cơ quan> · /rule initiative <MÃ_DANH_HIỆU> <văn bản quy định>|off · /rule cap <MÃ> <MÃ_GỐC> <phần trăm> <văn bản quy định>|off (mã: LDTT, CSTDCS, CSTD_BO_TINH…) · /rule threshold <MÃ> <phần trăm> <văn bản quy định>|off (tỷ lệ đồng ý Hội đồng cần) · /rule quorum <phần trăm> <văn bản quy định>|off (số thành viên tối thiểu tham gia bỏ phiếu) · /rule deputy head|staff (phó trưởng phòng là lãnh đạo đơn vị hay nhân viên khi danh sách chỉ ghi chức vụ) · /rule unitvote <phần trăm> <văn bản quy định>|off (tỷ lệ thành viên đơn vị đồng ý khi bình xét; mặc định: trên một nửa)
rule-agency-saved = Đã lưu tên cơ quan: { $agency }.
rule-initiative-saved = Đã lưu: { $title } cần sáng kiến hoặc đề tài, theo { $source }.
rule-initiative-off = Đã bỏ quy định cần sáng kiến cho { $title }.
rule-cap-saved = Đã lưu: { $title } không quá { $percent } % số { $of }, theo { $source } (chỉ cảnh báo).
rule-cap-off = Đã bỏ tỷ lệ của { $title }.
approve-scope-agency = toàn cơ quan
approve-own = Không ai tự duyệt đăng ký của chính mình: đăng ký này do lãnh đạo cơ quan duyệt.
approver-button-approve = ✓ Duyệt
approver-button-return = ↩ Trả lại
approver-submitted = 📝 { $name } ({ $unit }) vừa đăng ký <b>{ $title }</b> và chờ bạn duyệt.
approver-changed = 📝 { $name } ({ $unit }) vừa sửa đăng ký thành <b>{ $title }</b>; chờ bạn duyệt lại.
approver-resubmitted = 📝 { $name } ({ $unit }) đã sửa và gửi lại đăng ký <b>{ $title }</b>; chờ bạn duyệt.
approver-withdrawn = ℹ️ { $name } ({ $unit }) đã rút đăng ký <b>{ $title }</b>.
reminder-approvals = ⏳ Có { $count } đăng ký thi đua đang chờ bạn duyệt. Gõ /approve để xem và duyệt.
report-no-leader = ⚠️ Danh sách cán bộ chưa có lãnh đạo cơ quan (vai trò leader): đăng ký của các trưởng đơn vị và danh hiệu tập thể không có ai duyệt.
report-unit-without-approver = ⚠️ { $unit }: không có trưởng đơn vị và cơ quan chưa có lãnh đạo (leader) — đăng ký của đơn vị này không có ai duyệt.
campaign-exists = Năm nay đã phát động <b>{ $title }</b> (hạn đăng ký { $deadline }). Để dời hạn, dùng <code>/extend dd/mm/yyyy</code>: những người chưa đăng ký sẽ được báo.
extend-usage = Cách gia hạn: <code>/extend 15/02/2025</code> (ngày là hạn chót mới).
extend-past = Hạn mới phải sau hôm nay.
extend-no-campaign = Năm nay chưa phát động phong trào nên chưa có hạn để gia hạn. Dùng /campaign hoặc /launch.
extend-done = ⏩ Đã gia hạn đăng ký <b>{ $title }</b> đến hết ngày { $deadline }; đã xếp lịch báo cho { $count } người chưa đăng ký.
campaign-extended-notice = ⏩ Hạn đăng ký thi đua <b>{ $campaign }</b> được gia hạn đến hết ngày { $deadline }. Bạn chưa đăng ký: bấm nút dưới đây để đăng ký.
cmd-extend = Gia hạn đăng ký: /extend dd/mm/yyyy (báo cho người chưa đăng ký)
launch-header =
    📣 <b>{ $title }</b>
    Hạn đăng ký: hết ngày { $deadline } · Người gửi: { $sender }
myregs-campaign = 📣 { $campaign } — hạn đăng ký hết ngày { $deadline } ({ $state })
myregs-campaign-open = còn { $days } ngày
myregs-campaign-closed = đã hết hạn
myregs-campaign-none = Năm { $year } chưa phát động phong trào thi đua.
export-total-individuals = Tổng cộng: { $count } cá nhân
export-total-collectives = Tổng cộng: { $count } tập thể
export-usage = Cách dùng: /export [năm] [pending] — mặc định chỉ các đăng ký đã duyệt; «pending» thêm các đăng ký đang chờ duyệt.
register-withdraw-approved-confirm = Đăng ký này <b>đã được duyệt</b>. Rút thì mất kết quả duyệt, và người duyệt sẽ được báo. Bạn chắc chắn muốn rút?
register-button-withdraw-confirm = Rút đăng ký đã duyệt
register-withdraw-kept = Đã giữ nguyên đăng ký.
report-collective-line =     ↳ tập thể: { $title } ({ $status })
roster-duplicate-person = trùng người với dòng { $line } (cùng họ tên và ngày sinh)
roster-preview-generated-codes = Tệp không có mã cán bộ cho { $count } người: bot tự tạo mã theo họ tên (và ngày sinh nếu có), lần nhập sau nhận lại đúng người.
roster-preview-new-units = Đơn vị mới ({ $count }): { $items }
roster-preview-renamed-units = Đổi tên đơn vị ({ $count }): { $items }
roster-preview-rename = { $code }: «{ $from }» → «{ $to }»
roster-preview-unit-conflicts = Một mã đơn vị có nhiều tên trong tệp (dùng tên đầu tiên) ({ $count }): { $items }
roster-preview-moved = Chuyển đơn vị ({ $count }): { $items }
roster-preview-move = { $name }: { $from } → { $to }
roster-preview-leaving = Không còn trong tệp ({ $count }) — nếu chọn «rời cơ quan», họ thôi nhận tin, không được tính, mã mời bị hủy, lịch sử được giữ: { $items }
roster-preview-unknown-positions = Chức vụ bot chưa nhận ra, xếp là nhân viên ({ $count }): { $items }. Nếu cần, thêm cột «Vai trò».
roster-preview-same-names = Trùng họ tên, không có ngày sinh hay mã để phân biệt ({ $count }): { $items }. Nên thêm cột «Ngày sinh» hoặc «Mã cán bộ».
roster-preview-skipped = Bỏ qua, không phải người ({ $count }): { $items }
roster-skipped-row = dòng { $line } «{ $text }» ({ $kind ->
        [total] dòng tổng
        [date] dòng ngày tháng
       *[signature] khối chữ ký
    })
cli-roster-skipped = Bỏ qua dòng { $line }: «{ $text }» ({ $kind ->
        [total] dòng tổng
        [date] dòng ngày tháng
       *[signature] khối chữ ký
    }), không phải người
roster-button-import-full = ✅ Nhập; { $count } người rời cơ quan
roster-button-import-keep = Nhập, giữ { $count } người kia
cmd-privacy = Dữ liệu cá nhân bot lưu về bạn; yêu cầu sửa (/privacy sửa …) hoặc xóa
privacy-agency-unnamed = cơ quan
privacy-notice =
    🔒 <b>Trước khi liên kết tài khoản</b> (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Nghị định 356/2025/NĐ-CP)
    Bạn đang trò chuyện với <b>trợ lý tự động</b> mà { $agency } dùng cho công tác thi đua, khen thưởng. Bot lưu: họ tên, mã cán bộ, chức vụ, đơn vị của bạn (từ danh sách của Văn phòng); tài khoản chat của bạn (mã và tên hiển thị); các đăng ký danh hiệu, sáng kiến, ý kiến duyệt, kết quả khen thưởng và nhật ký thao tác của bạn.
    Mục đích: để bạn đăng ký và theo dõi danh hiệu, để lãnh đạo duyệt, để nhắc hạn và báo kết quả. Trong cơ quan, chỉ người có trách nhiệm (lãnh đạo đơn vị, lãnh đạo cơ quan, Thường trực và Hội đồng TĐKT) xem trong phạm vi của mình. Cơ quan không chuyển dữ liệu này cho bên khác, nhưng mọi tin nhắn giữa bạn và bot đi qua máy chủ của nền tảng chat (Telegram hoặc Zalo), theo điều khoản của nền tảng đó. Dữ liệu được giữ trong thời gian bạn công tác và theo thời hạn lưu trữ hồ sơ khen thưởng.
    Quyền của bạn (Điều 4 Luật 91/2025/QH15): được biết; đồng ý hoặc không; rút lại sự đồng ý; xem dữ liệu và nhận bản sao; yêu cầu sửa, xóa; yêu cầu hạn chế xử lý; phản đối xử lý; khiếu nại, tố cáo, khởi kiện và yêu cầu bồi thường; tự bảo vệ. Xem, nhận bản sao, yêu cầu sửa, xóa hoặc rút lại đồng ý bằng lệnh /privacy; các yêu cầu khác (hạn chế, phản đối, khiếu nại) gửi Văn phòng.
    Bấm <b>«Đồng ý»</b> để liên kết tài khoản này với <b>{ $name }</b>.
privacy-button-agree = ✅ Đồng ý
privacy-button-decline = Không đồng ý
privacy-declined = Chưa liên kết: bot không lưu gì thêm về bạn. Mã mời vẫn dùng được đến khi hết hạn, nếu bạn đổi ý. Có thắc mắc, hãy hỏi Văn phòng.
privacy-header = <b>Dữ liệu cá nhân bot lưu về bạn</b>
privacy-person = Họ tên: { $name }; mã cán bộ: { $code }; chức vụ: { $position }; đơn vị: { $unit }; vai trò: { $roles }
privacy-accounts = Tài khoản chat đã liên kết: { $accounts }
privacy-registrations = Đăng ký danh hiệu: { $registrations }
privacy-audit = Nhật ký thao tác liên quan đến bạn: { $count } mục
privacy-consented = Bạn đồng ý với thông báo về dữ liệu cá nhân ngày { $date }.
privacy-not-consented = Bạn chưa xác nhận đồng ý với thông báo về dữ liệu cá nhân (tài khoản được liên kết trước khi có bước này).
privacy-open-correction = Đang chờ xử lý: yêu cầu sửa gửi ngày { $date }.
privacy-open-deletion = Đang chờ xử lý: yêu cầu xóa gửi ngày { $date }.
privacy-how = Cần sửa điều gì: gõ <code>/privacy sửa</code> và nội dung cần sửa. Muốn nhận bản sao, xóa dữ liệu hoặc rút lại sự đồng ý: bấm nút dưới đây. Muốn hạn chế, phản đối việc xử lý hoặc khiếu nại: gửi Văn phòng. Văn phòng sẽ xử lý và trả lời bạn.
privacy-button-delete = 🗑 Yêu cầu xóa dữ liệu
privacy-button-copy = 📄 Nhận bản sao dữ liệu
privacy-copy-caption = 📄 Bản sao toàn bộ dữ liệu cá nhân bot lưu về bạn (tệp JSON), kể cả nhật ký thao tác.
privacy-delete-confirm = Gửi yêu cầu xóa dữ liệu của bạn cho Văn phòng? Khi được xử lý, tài khoản chat sẽ bị hủy liên kết; hồ sơ khen thưởng mà pháp luật buộc lưu trữ vẫn được giữ.
privacy-button-delete-confirm = Gửi yêu cầu xóa
privacy-correction-usage = Gõ nội dung cần sửa sau lệnh, ví dụ: <code>/privacy sửa Tên tôi là Nguyễn Thị Hà, không phải Hoa</code>
privacy-request-recorded = Đã ghi yêu cầu của bạn và báo cho Văn phòng. Bạn sẽ nhận trả lời khi yêu cầu được xử lý.
privacy-request-to-secretariat-correction =
    🔒 Yêu cầu sửa dữ liệu cá nhân #{ $id } của <b>{ $name }</b> ({ $unit }): { $text }
    Xử lý xong, ghi lại bằng <code>npm run tdkt -- privacy done { $id } ghi chú</code>.
privacy-request-to-secretariat-deletion =
    🔒 Yêu cầu xóa dữ liệu cá nhân #{ $id } của <b>{ $name }</b> ({ $unit }).
    Xử lý xong, ghi lại bằng <code>npm run tdkt -- privacy done { $id } ghi chú</code>.
cli-privacy-none = Không có yêu cầu nào về dữ liệu cá nhân đang chờ xử lý.
cli-privacy-request = #{ $id } { $date } { $kind } — { $name } ({ $code }): { $text }
cli-privacy-kind-correction = yêu cầu sửa
cli-privacy-kind-deletion = yêu cầu xóa
cli-privacy-done = Đã ghi: yêu cầu #{ $id } đã được xử lý.
cli-privacy-not-open = Không có yêu cầu #{ $id } nào đang chờ xử lý.
audience-reach = Trong { $onRoster } người có trong danh sách, { $reached } người sẽ nhận được; { $unlinked } người chưa liên kết tài khoản (xem /unlinked, in mã mời bằng /invite).
reminder-unlinked =
    👥 Đơn vị còn <b>{ $count }</b> người chưa liên kết tài khoản với bot nên chưa nhận được thông báo nào: { $names }.
    Hãy nhắc họ dùng mã mời Văn phòng đã phát (mất mã thì xin lại Văn phòng). Gõ /unlinked để xem danh sách.
cmd-invite = In mã mời: /invite MÃ_ĐƠN_VỊ, /invite tất cả hoặc /invite MÃ_CB… (thêm «mới» để cấp mã mới)
cmd-unlinked = Ai chưa liên kết tài khoản với bot (theo đơn vị)
cmd-status = Tình hình các kênh gửi tin: hạn mức tháng này, ai không nhận được
cmd-agencies = Các cơ quan thành viên (cấp tỉnh theo dõi): cán bộ, đăng ký, đề nghị, khen thưởng, việc quá hạn
cmd-cluster = Cụm, khối thi đua: các cơ quan thành viên, kiểm tra chéo, gửi báo cáo kiểm tra
cmd-received = Những gì cơ quan khác gửi đến: đề nghị khen thưởng, báo cáo kiểm tra, tệp hồ sơ
cmd-upreport = Báo cáo gửi cấp trên: yêu cầu các cơ quan gửi, gửi báo cáo của cơ quan, xem ai chưa gửi
cmd-agency = Quản trị cấp tỉnh: thêm cơ quan, lưu kênh chat của từng cơ quan
agencies-usage = Cách dùng: <code>/agencies</code> (năm đang xét) hoặc <code>/agencies 2026</code>.
agencies-none = Cơ quan này không có cơ quan thành viên nào để theo dõi.
agencies-header = <b>Các cơ quan thành viên — năm { $year }</b> ({ $count }): cán bộ · đăng ký · đã duyệt · đề nghị cấp trên · được khen · phần việc quá hạn · báo cáo đã gửi
agencies-line = • { $name } ({ $code }): { $people } · { $registered } · { $approved } · { $proposedUp } · { $awarded } · { $lateDuties } · { $reportsSent }
agency-admin-usage = Cách dùng: <code>/agency</code> (các cơ quan thuộc tỉnh và thiết lập kênh đã lưu) · <code>/agency add SGD Sở Giáo dục và Đào tạo</code> · <code>/agency channel SGD TELEGRAM_BOT_TOKEN giá_trị</code> (<code>-</code> để xóa).
agency-admin-header = <b>Các cơ quan thuộc tỉnh</b> ({ $count }): mã AGENCY_ID · thiết lập kênh đã lưu
agency-admin-line = • { $name } ({ $code }, số { $id }): { $channels }
agency-admin-added = Đã thêm { $name } ({ $code }), số { $id }. Chạy bot của cơ quan với AGENCY_ID={ $id }; lưu kênh bằng <code>/agency channel { $code } …</code>.
agency-admin-not-member = Không có cơ quan mã { $code } thuộc tỉnh. Xem danh sách bằng <code>/agency</code>.
agency-admin-channel-saved = 🔒 Đã lưu { $name } của { $code } (đã mã hóa). Hãy xóa tin nhắn chứa giá trị này khỏi cuộc trò chuyện; bot của cơ quan dùng giá trị mới khi khởi động lại.
agency-admin-channel-removed = Đã xóa { $name } của { $code }.
agency-add-not-province = Chỉ cơ quan cấp tỉnh (không trực thuộc cơ quan nào) mới thêm được cơ quan.
status-header = 📶 <b>Các kênh gửi tin — tháng { $month }</b>
status-no-channels = Chưa cấu hình kênh gửi tin nào: bản chạy thử trên máy không gửi thông báo (đặt TELEGRAM_BOT_TOKEN, ZALO_BOT_TOKEN hoặc ZALO_OA_* — xem README).
status-channel-working = <b>{ $channel }</b>: đang gửi bình thường
status-channel-stopped = <b>{ $channel }</b>: ngừng gửi đến hết tháng — { $reason }
status-reach = · { $linked } người đã liên kết, { $unreachable } người không còn nhận được (chặn bot / bỏ quan tâm)
status-quota = · đã gửi { $sent }/{ $limit } tin của tháng; { $users }/{ $cap } người
status-allowance = · tin chủ động đã gửi: { $sent }; hạn mức tin ngoài 48 giờ: đã dùng { $used }, còn { $left }/{ $allowance }
status-unreached-header = 📵 Không nhận được thông báo trong tháng: { $count } người; { $rerouted } người được chuyển qua kênh khác.
invite-usage =
    <b>In mã mời liên kết tài khoản</b>
    <code>/invite MÃ_ĐƠN_VỊ</code> — mọi người chưa liên kết của đơn vị; <code>/invite tất cả</code> — cả cơ quan; <code>/invite MÃ_CB MÃ_CB…</code> — từng người. Bot gửi danh sách .xlsx và trang phiếu .docx (có mã QR) để cắt phát. Mã đã phát còn hạn được in lại y nguyên; thêm <code>mới</code> ở cuối để hủy mã cũ và cấp mã mới.
    Đơn vị (chưa liên kết / tổng số):
invite-unit-line = • <code>{ $code }</code> { $unit }: { $unlinked } / { $staff }
invite-making = Đang tạo mã mời và phiếu in…
invite-nobody = Không có ai cần mã mời: mọi người trong phạm vi này đã liên kết tài khoản.
invite-unknown-unit = Không có đơn vị nào mang mã { $code }.
invite-sheet-caption = Danh sách { $count } mã mời ({ $created } mã mới, { $reused } mã đã phát vẫn còn hạn, { $revoked } mã cũ đã hủy); hạn dùng đến { $date }.
invite-slips-caption = Phiếu mã mời để in (A4) và cắt phát cho từng người.
invite-sheet-name = Mã mời
invite-sheet-title = DANH SÁCH MÃ MỜI LIÊN KẾT TÀI KHOẢN VỚI TRỢ LÝ THI ĐUA, KHEN THƯỞNG
invite-sheet-slips-title = PHIẾU MÃ MỜI — cắt theo đường kẻ, phát cho từng người
invite-col-number = STT
invite-col-name = Họ và tên
invite-col-unit = Đơn vị
invite-col-staff-code = Mã cán bộ
invite-col-code = Mã mời
invite-col-expires = Hạn dùng
invite-col-telegram = Liên kết qua Telegram
invite-col-zalo = Liên kết qua Zalo
invite-sheet-expires = Dùng được đến hết ngày { $date }; mỗi mã chỉ dùng một lần.
invite-sheet-telegram-link = Telegram: quét mã QR hoặc mở { $link }
invite-sheet-telegram-search = Telegram: mở bot của cơ quan và gửi /start { $code }
invite-sheet-zalo = Zalo: tìm «{ $name }», nhắn mã { $code }
invite-sheet-zalo-unnamed = Zalo: mở bot của cơ quan trên Zalo, nhắn mã { $code }
cli-invite-nobody = Không có ai cần mã mời: mọi người trong phạm vi này đã liên kết tài khoản.
cli-invite-sheet = { $count } mã mời ({ $created } mới, { $reused } dùng lại, { $revoked } mã cũ đã hủy) → { $file }
unlinked-none = Mọi người của { $unit } đã liên kết tài khoản.
unlinked-agency-header = <b>Chưa liên kết tài khoản: { $unlinked } / { $staff } người</b>
unlinked-agency-footer = Gõ /unlinked MÃ_ĐƠN_VỊ để xem tên; /invite MÃ_ĐƠN_VỊ để in mã mời.
unlinked-unit-header = <b>{ $unit }: { $unlinked } / { $staff } người chưa liên kết tài khoản</b>
unlinked-person = { $name } ({ $position })
unlinked-more = … và { $count } người khác.
unlinked-unit-footer-secretariat = In mã mời cho họ: /invite { $code }
unlinked-unit-footer-head = Mỗi người dùng mã mời Văn phòng đã phát; ai mất mã thì xin lại Văn phòng.
cmd-holidays = Ngày nghỉ lễ (nhắc việc bỏ qua các ngày này); thêm: /holidays dd/mm/yyyy Tên hoặc gửi tệp
cmd-inspectionplan = Nhập kế hoạch kiểm tra: gõ lệnh rồi gửi tệp (.docx, .md, .txt)
holidays-header = <b>Ngày nghỉ lễ từ năm { $year }</b> (nhắc việc không gửi vào các ngày này):
holidays-name = { $name }
holidays-help = Thêm ngày nghỉ: gõ <code>/holidays 16/02/2026 - 22/02/2026 Tết Nguyên đán</code> (mỗi dòng một ngày hoặc một khoảng ngày), hoặc gửi tệp danh sách (.xlsx, .csv: cột ngày rồi cột tên).
holidays-usage = Không đọc được ngày nào. Mỗi dòng một ngày hoặc khoảng ngày rồi tên, ví dụ: <code>30/04/2026 Ngày Giải phóng miền Nam</code>.
holidays-preview = Sẽ ghi <b>{ $count }</b> ngày nghỉ ({ $rejected } dòng không đọc được):
holidays-rejected = Dòng { $line } không đọc được: { $text }
holidays-button-save = ✅ Ghi { $count } ngày nghỉ
holidays-saved = Đã ghi { $count } ngày nghỉ. Nhắc việc rơi vào các ngày này sẽ dời sang ngày làm việc kế tiếp.
inspection-plan-help = Gửi tệp kế hoạch kiểm tra (.docx, .md hoặc .txt). Bot đọc năm, thời gian, số ngày thông báo trước, số ngày nộp báo cáo trước và các đơn vị được kiểm tra, cho bạn xem trước rồi mới lưu.
inspection-plan-preview =
    <b>{ $title }</b> (năm { $year })
    Thời gian: tháng { $from }–{ $to }; thông báo trước { $notice } { $noticeUnit }{ $noticeDefault }; đơn vị nộp báo cáo trước { $report } { $reportUnit }{ $reportDefault }.
    Đơn vị được kiểm tra ({ $count }): { $units }
inspection-plan-unmatched = ⚠️ Không khớp với đơn vị nào trong danh sách: { $phrases }
inspection-plan-button-direct = ✅ Lưu: kiểm tra trực tiếp
inspection-plan-button-self = ✅ Lưu: các đơn vị tự kiểm tra
inspection-plan-saved = Đã lưu kế hoạch kiểm tra số { $id }: { $title }; { $units } đơn vị; thông báo trước { $notice } { $noticeUnit }; báo cáo trước { $report } { $reportUnit }. Đặt lịch từng đơn vị bằng /visit; giao đoàn kiểm tra bằng <code>npm run tdkt -- import inspection … --team</code>.
rule-deputy-line = • Phó trưởng phòng (khi danh sách chỉ ghi chức vụ): { $role }
rule-deputy-saved = Đã lưu: phó trưởng phòng được nhập là { $role } (áp dụng từ lần nhập danh sách sau).
plan-due-from-time = theo cột thời gian
plan-due-from-text = ghi trong nhiệm vụ
plan-due-from-prose = ghi trong văn bản kế hoạch
plan-due-from-quarter = cuối quý, mặc định
plan-due-moved = dời sớm từ { $day } (ngày nghỉ)
plan-preview-meetings = <b>Họp chờ đặt ngày</b> ({ $count }): tháng { $months } — { $title }. Sau khi lưu, đặt ngày bằng /meeting.
plan-preview-registration-deadline = <b>Hạn đăng ký thi đua</b> ghi trong kế hoạch: { $date }. Sau khi lưu, phát động bằng: <code>/launch { $date } { $title }</code>
plan-is-inspection-plan = Đây là kế hoạch kiểm tra, không phải kế hoạch nhiệm vụ: gõ /inspectionplan rồi gửi lại tệp này.
plan-preview-task-external = {"     "}ngoài cơ quan: { $bodies }
plan-units-from-table = đơn vị theo bảng
plan-units-from-text = đơn vị theo văn bản
plan-units-from-default = kế hoạch không giao ai: Văn phòng theo dõi
plan-units-from-clerk = đơn vị đã sửa
plan-due-from-clerk = đã sửa
plan-due-from-window = hết thời gian thi đua, mặc định
plan-preview-campaign = 📣 <b>Kế hoạch phát động phong trào</b>: { $title } (năm { $year }); thời gian thi đua: { $from } – { $to }.
plan-campaign-title-placeholder = Tên phong trào
plan-preview-external = 🏛 <b>{ $count } cơ quan, tổ chức ngoài cơ quan</b> (chỉ ghi nhận, không nhắc): { $bodies }
plan-preview-guess-legend = ❓ = kế hoạch không ghi rõ, tôi đoán: hãy kiểm tra.
plan-fix-help = ✏️ Sửa trước khi lưu, gõ theo số thứ tự bên trái: «sửa 3 hạn 15/04/{ $year }» · «sửa 3 quý 2» · «sửa 3 chủ trì { $unit }» · «sửa 3 phối hợp Phòng A; Phòng B» · «bỏ 3» · «thêm quý 2 hạn 30/05/{ $year }: Nội dung».
plan-fix-usage = Tôi chưa hiểu cách sửa. Gõ ví dụ: «sửa 3 hạn 15/04/{ $year }», «sửa 3 quý 2», «sửa 3 chủ trì { $unit }», «sửa 3 phối hợp Phòng A; Phòng B», «bỏ 3», «thêm quý 2: Nội dung», «xem quý 2».
plan-fix-date = «{ $text }» không phải một ngày (dd/mm/yyyy).
plan-fix-position = Không có nhiệm vụ số { $position }: bản xem trước có { $count } nhiệm vụ (1–{ $count }).
plan-fix-unknown-unit = Không có đơn vị «{ $phrase }» trong danh sách. Các đơn vị: { $units }.
plan-fix-done = ✏️ Đã sửa. Bản xem trước mới:
plan-fix-no-preview = Không có kế hoạch nào đang chờ lưu để sửa. Gửi tệp kế hoạch bằng /plan.
meetings-undated-line = • Tháng { $month }: { $title } — chưa đặt ngày (kế hoạch ghi theo tháng)
period-days = ngày
period-working-days = ngày làm việc
inspection-plan-default =  (mặc định: kế hoạch không ghi)
reminder-tasks-due = ⏰ <b>{ $count } nhiệm vụ sắp đến hạn</b>:
reminder-tasks-due-line = • Còn { $days } ngày ({ $due }): Q{ $quarter }.{ $number } { $content } — { $unit }
tasks-overdue-header = <b>Quá hạn, chưa xong — { $unit }</b> ({ $count }):
tasks-overdue-none = Đơn vị { $unit } không có nhiệm vụ nào quá hạn.
tasks-note-line =    📝 { $note }
tasks-usage = Cách dùng: /tasks (quý này và việc quá hạn) · /tasks 1–4 hoặc /tasks quý 2 (một quý) · /tasks quá hạn · /tasks all (Văn phòng: tổng hợp)
visit-heads-told = Lãnh đạo đơn vị ({ $count } người) đã được thông báo.
visit-team-told = Đoàn kiểm tra: đã báo { $reached }/{ $size } người{ $reached ->
        [0] {" "}(chưa ai liên kết tài khoản: hãy báo trực tiếp)
       *[other] {""}
    }.
visit-no-team = ⚠️ Kế hoạch kiểm tra số { $inspection } chưa có đoàn kiểm tra nên chưa báo đoàn nào. Giao đoàn bằng <code>/team { $inspection } add MÃ_CB_TRƯỞNG_ĐOÀN MÃ_CB …</code>.
visit-heads-unreached = ⚠️ Chưa lãnh đạo nào của đơn vị liên kết tài khoản với bot nên không ai ở đơn vị nhận được thông báo: hãy báo trực tiếp cho đơn vị.
visit-warning-outside-window = ⚠️ Lịch này nằm ngoài thời gian của kế hoạch kiểm tra (các quý kế hoạch ghi).
visit-warning-not-working-day = ⚠️ Ngày này là ngày nghỉ (Chủ nhật, thứ Bảy hoặc ngày lễ).
visit-scheduled-team = 📋 Đoàn kiểm tra: lịch làm việc với { $unit } lúc { $when } ({ $mode }); đơn vị gửi báo cáo chậm nhất ngày { $report }.
meeting-moved-done = 📅 Đã dời cuộc họp số { $id } sang { $when }.
meeting-cancelled-done = Đã hủy cuộc họp số { $id }; các lời nhắc đã được rút lại.
council-told = Đã báo { $told } thành viên Hội đồng{ $unreached ->
        [0] {""}
       *[other] ; { $unreached } người chưa liên kết tài khoản nên chưa nhận được
    }.
council-none-told = ⚠️ Hội đồng chưa có thành viên nào nên chưa ai được báo. Thêm bằng <code>/role council add MÃ_CB MÃ_CB …</code>.
meeting-not-found = Không có cuộc họp sắp tới nào mang số { $id }. Xem số các cuộc họp trong /meetings.
meeting-day-off = ⚠️ Ngày này là ngày nghỉ (thứ Bảy, Chủ nhật hoặc ngày lễ): kiểm tra lại nếu không cố ý.
meeting-announced =
    📅 <b>Họp Hội đồng Thi đua, Khen thưởng</b>
    Thời gian: { $when }
    Địa điểm: { $place }
    Nội dung: { $agenda }
meeting-moved =
    📅 <b>Cuộc họp Hội đồng đã dời</b>: { $agenda }
    Thời gian cũ: { $from }
    Thời gian mới: { $when }
    Địa điểm: { $place }
meeting-cancelled = 📅 Cuộc họp Hội đồng lúc { $when } ({ $agenda }) <b>đã bị hủy</b>.
cmd-submit = Gửi tệp báo cáo mà kế hoạch yêu cầu đơn vị nộp (báo cáo sơ kết, tổng kết…)
cmd-reports = Các báo cáo kế hoạch yêu cầu: đơn vị nào đã gửi, chưa gửi; tải tất cả tệp; nhắc đơn vị chưa gửi
task-report-none = Đơn vị không có báo cáo nào đang chờ gửi.
task-report-choose = Đơn vị có { $count } báo cáo đang chờ gửi. Chọn báo cáo muốn nộp:
task-report-button-send = 📤 Nộp { $number }
task-report-send-file = Gửi tệp báo cáo cho <b>Q{ $quarter }.{ $number }</b> { $content } (hạn { $due }). Gửi lại tệp khác sẽ thay tệp trước.
task-report-received = 📥 Đã nhận tệp «{ $file }» cho Q{ $quarter }.{ $number }; phần việc của đơn vị đã xong. Văn phòng xem được trong /reports.
task-report-reminder = ⏰ Đơn vị chưa gửi báo cáo <b>Q{ $quarter }.{ $number }</b> { $content }. Gõ /submit để gửi tệp.
task-reports-none = Kế hoạch năm { $year } không có nhiệm vụ nào yêu cầu đơn vị gửi báo cáo.
task-reports-header = <b>Báo cáo các đơn vị gửi theo kế hoạch năm { $year }</b>
task-reports-line = • { $number } { $content }: <b>{ $sent }/{ $units }</b> đã gửi; chưa gửi: { $missing }
task-reports-button-archive = 📦 Tải { $number }
task-reports-button-remind = 🔔 Nhắc { $number }
task-reports-archive = Tất cả tệp đã nhận ({ $files } tệp), mỗi tệp đặt tên theo mã đơn vị.
task-reports-archive-empty = Chưa đơn vị nào gửi tệp cho báo cáo này.
task-reports-reminded = Đã xếp lịch nhắc lãnh đạo { $count } người của các đơn vị chưa gửi.
cmd-ballot = Bỏ phiếu kín của Hội đồng: /ballot meeting M (mỗi danh hiệu một phiên, từ cuộc họp M), /ballot new [năm] Tên phiên, /ballot open N, /ballot close N (kết quả chỉ có sau khi đóng)
cmd-vote = Bỏ phiếu kín: /vote N (số phiên) — của Hội đồng, hoặc bình xét trong đơn vị
ballot-usage = Cách dùng: <code>/ballot meeting M [năm]</code> (từ cuộc họp số M trong /meetings: mỗi danh hiệu một phiên, thành viên nhận danh sách trước) · <code>/ballot new 2025 Phiên họp xét thi đua năm 2025</code> (một phiên cho mọi danh hiệu) · <code>/ballot open N</code> · <code>/ballot written N MÃ_CB [số thứ tự không đồng ý]</code> (phiếu bằng văn bản của thành viên vắng mặt) · <code>/ballot paper N STT đồng_ý không_đồng_ý</code> (kết quả bỏ phiếu giấy) · <code>/ballot close N</code> · <code>/ballot result N</code> · <code>/ballot minutes N</code> · <code>/ballot decide N SỐ_QĐ dd/mm/yyyy Người ký</code> · <code>/ballot higher N SỐ_QĐ dd/mm/yyyy Cấp quyết định [| STT…]</code> (quyết định của cấp trên cho các đề nghị) · <code>/ballot dossier N</code> (hồ sơ đề nghị lên cấp trên: tờ trình, danh sách, biên bản, báo cáo thành tích) · <code>/ballot send N</code> (gửi các đề nghị và hồ sơ lên cấp tỉnh qua bot)
ballot-default-title = Phiên bỏ phiếu xét thi đua năm { $year }
ballot-created = 🗳 Đã tạo phiên bỏ phiếu số { $id }: { $title } — { $count } ứng viên (các đăng ký đã duyệt năm { $year }). Mở bỏ phiếu bằng <code>/ballot open { $id }</code>.
ballot-opened = 🗳 Đã mở bỏ phiếu phiên số { $id }: { $members } thành viên Hội đồng đã được báo. Tỷ lệ tính trên tổng số { $members } thành viên. Đóng bằng <code>/ballot close { $id }</code>.
ballot-not-draft = Phiên số { $id } không ở trạng thái chờ mở.
ballot-not-open = Phiên bỏ phiếu số { $id } không đang mở.
ballot-opened-to-member = 🗳 <b>Bỏ phiếu kín</b> phiên số { $id } đã mở. Gõ <code>/vote { $id }</code> để xem danh sách và bỏ phiếu. Phiếu kín: phiếu được niêm phong, khi đóng phiếu mới được đếm và xáo trộn; dữ liệu lưu lại chỉ cho biết bạn đã bỏ phiếu, không cho biết bạn chọn gì. Ngoại lệ duy nhất: người giữ khóa bí mật của máy chủ trong lúc phiên còn mở.
ballot-tally-not-yet = Phiên số { $id } chưa đóng: kết quả chỉ có sau khi đóng phiếu.
ballot-tally-header = <b>Kết quả bỏ phiếu kín phiên số { $id }</b>: { $voted }/{ $members } thành viên đã bỏ phiếu.
ballot-tally-passed = ✅ { $position }. { $label }: { $agree } đồng ý, { $disagree } không đồng ý / { $members } thành viên — đạt (cần { $percent ->
        [50] trên 50%
       *[other] { $percent }%
    })
ballot-tally-failed = ❌ { $position }. { $label }: { $agree } đồng ý, { $disagree } không đồng ý / { $members } thành viên — không đạt (cần { $percent ->
        [50] trên 50%
       *[other] { $percent }%
    })
vote-usage = Gõ <code>/vote N</code> với N là số phiên bỏ phiếu Thường trực đã báo.
ballot-view-header = 🗳 <b>{ $title }</b> (phiên số { $id }, { $count } ứng viên). Mặc định là đồng ý; bấm để chuyển thành không đồng ý, rồi «Nộp phiếu».
ballot-view-line-agree = { $position }. { $label }: đồng ý
ballot-view-line-disagree = { $position }. { $label }: <b>không đồng ý</b>
ballot-button-toggle = Đổi { $position }
ballot-button-submit = 📨 Nộp phiếu
ballot-button-change = ✏️ Đổi phiếu
ballot-cast = 📨 Đã nhận phiếu của bạn (không đồng ý { $disagree } ứng viên). Bạn có thể đổi phiếu đến khi đóng phiếu.
ballot-changed = ✏️ Đã đổi phiếu của bạn (không đồng ý { $disagree } ứng viên).
ballot-already-voted = Bạn đã bỏ phiếu phiên này; mỗi thành viên chỉ có một phiếu. Muốn thay phiếu đã nộp bằng lựa chọn hiện tại, bấm «Đổi phiếu».
ballot-not-member = Bạn không có tên trong danh sách bỏ phiếu của phiên này.
registration-action-moved = chuyển sang đơn vị mới (chuyển công tác)
registration-action-awarded = 🏅 được công nhận/khen thưởng theo Quyết định
registration-action-not-awarded = không đạt khi Hội đồng bỏ phiếu
ballot-decide-usage = Ghi quyết định: <code>/ballot decide N SỐ_QĐ dd/mm/yyyy Người ký</code>, ví dụ <code>/ballot decide 1 12/QĐ-SNgV 05/02/2026 Phạm Thị Anh Thư</code>.
ballot-already-decided = Phiên số { $id } đã có quyết định.
ballot-decided = 🏅 Đã ghi Quyết định { $number } cho phiên số { $id }: { $awarded } được công nhận, { $proposed } được đề nghị lên cấp trên (khi có quyết định của cấp trên, nhập bằng <code>/ballot higher { $id } …</code>), { $notAwarded } không đạt. { $told }/{ $total } người đăng ký được báo kết quả (ai chưa liên kết tài khoản thì không nhận được); kết quả được ghi vào hồ sơ thi đua dùng cho các năm sau.
ballot-decided-leaders = ⚠️ Quyết định này ghi danh hiệu cho lãnh đạo cơ quan: { $names }. Danh hiệu của thủ trưởng cơ quan thường do cấp trên xét, quyết định theo quy định của tỉnh hoặc bộ; người ký không tự công nhận cho mình — hãy kiểm tra trước khi ban hành, và nếu thuộc thẩm quyền cấp trên thì đề nghị lên.
award-granted = 🏅 <b>Chúc mừng!</b> { $label }: được công nhận theo Quyết định số { $decision }.
award-proposed = 📤 { $label }: Hội đồng Thi đua, Khen thưởng của cơ quan đã bỏ phiếu đề nghị ({ $agree }/{ $members } thành viên đồng ý). Danh hiệu này do { $to } quyết định: hồ sơ đề nghị được gửi lên, bạn sẽ được báo khi có quyết định.
award-not-granted-higher = Kết quả xét thi đua: { $label } không có trong Quyết định { $decision }.
registration-action-proposed-up = 📤 được Hội đồng đề nghị lên cấp trên:
registration-action-awarded-higher = 🏅 được cấp trên công nhận/khen thưởng theo Quyết định
registration-action-not-awarded-higher = không được cấp trên công nhận theo Quyết định
ballot-higher-usage = Cách dùng: <code>/ballot higher N SỐ_QĐ dd/mm/yyyy Cấp quyết định</code>, thêm <code>| 1 3</code> nếu quyết định chỉ công nhận một số ứng viên (theo số thứ tự trong phiên). Ví dụ: <code>/ballot higher 5 123/QĐ-UBND 20/03/2027 Chủ tịch UBND tỉnh | 1 3</code>
ballot-higher-recorded = 🏅 Đã ghi Quyết định { $number } của { $authority } cho các đề nghị của phiên số { $id }: { $awarded } được công nhận, { $notAwarded } không. { $told }/{ $total } người được báo; kết quả được ghi vào hồ sơ thi đua.
ballot-higher-none = Phiên số { $id } không có đề nghị nào đang chờ quyết định của cấp trên.
ballot-dossier-none = Phiên số { $id } không có đề nghị nào lên cấp trên: không có hồ sơ đề nghị.
ballot-sent-up = 📤 Đã gửi { $count } đề nghị của phiên số { $id } cùng { $files } tệp hồ sơ lên { $to }. Khi có quyết định, kết quả được ghi vào hồ sơ thi đua và từng người được báo.
ballot-sent-up-already = Các đề nghị của phiên số { $id } đã được gửi lên { $to } trước đây; không gửi lại.
ballot-no-province = Cơ quan chưa được gắn với cấp tỉnh theo dõi nên không gửi được hồ sơ qua bot. Gửi bằng <code>/ballot dossier { $id }</code> rồi nộp theo đường văn thư; khi có quyết định, nhập bằng <code>/ballot higher { $id } …</code>.
proposals-received = 📥 { $agency } đã gửi { $count } đề nghị khen thưởng năm { $year } kèm hồ sơ. Các ứng viên đã có trong danh sách bỏ phiếu của Hội đồng (<code>/ballot new { $year }</code>); tệp hồ sơ: <code>/received { $id }</code>.
cluster-none = Cơ quan chưa thuộc cụm, khối thi đua nào. Quản trị cấp tỉnh thêm bằng lệnh <code>cluster member</code>.
cluster-header = <b>{ $name }</b> ({ $code }) — { $count } cơ quan:
cluster-member = • { $name } ({ $code })
cluster-member-leader = • { $name } ({ $code }) — cụm trưởng năm nay
cluster-usage = Cách dùng: <code>/cluster</code> (các cơ quan trong cụm) · <code>/cluster visit MÃ_CƠ_QUAN 15/05/2026 08:30 MÃ_CB…</code> (kiểm tra chéo, đoàn gồm các cán bộ theo mã) · <code>/cluster report N</code> (gửi báo cáo cho đợt kiểm tra số N) · <code>/cluster event 20/02/2026 08:30 Ký kết giao ước thi đua</code> (cụm trưởng thông báo sự kiện của cụm).
cluster-visit-not-member = Không có cơ quan mã { $code } trong cụm, khối thi đua của cơ quan. Xem danh sách bằng <code>/cluster</code>.
cluster-visit-unknown-team = Không tìm thấy cán bộ mã: { $codes }. Đoàn kiểm tra gồm các cán bộ của cơ quan, ghi theo mã cán bộ.
cluster-visit-exists = Đã có lịch kiểm tra chéo { $agency } vào ngày này.
cluster-visit-notice-too-short = Chỉ còn { $days } ngày, chưa đủ { $min } ngày thông báo trước cho cơ quan được kiểm tra. Hãy chọn ngày muộn hơn.
cluster-visit-done = 📅 Đã xếp lịch kiểm tra chéo { $agency } lúc { $when }; báo cáo của cơ quan được kiểm tra hạn { $report }. Đoàn kiểm tra: { $reached }/{ $size } người đã được báo; lãnh đạo và văn phòng của { $agency } sẽ được báo qua bot của cơ quan đó trong vòng một phút.
cluster-visit-team = 🔎 Đoàn kiểm tra chéo: làm việc với { $agency } lúc { $when }; { $agency } gửi báo cáo chậm nhất ngày { $report }.
cluster-visit-notice =
    🔎 <b>Thông báo kiểm tra chéo công tác thi đua, khen thưởng</b>
    Đoàn kiểm tra của { $agency } ({ $team }) làm việc với cơ quan lúc { $when }.
    Gửi báo cáo bằng văn bản chậm nhất ngày { $report }: <code>/cluster report { $id }</code>.
cluster-report-send-file = Gửi tệp báo cáo cho đợt kiểm tra chéo số { $id } (PDF, Word hoặc Excel) vào cuộc trò chuyện này.
cluster-visit-unknown = Không có đợt kiểm tra chéo số { $id } gửi đến cơ quan.
cluster-report-sent = 📤 Đã gửi báo cáo { $file } đến { $to }; đoàn kiểm tra của cơ quan đó sẽ được báo.
cluster-report-received = 📄 { $agency } đã gửi báo cáo cho đợt kiểm tra chéo lúc { $when }: { $file }. Nhận tệp: <code>/received { $id }</code>.
cluster-visit-reminder = ⏰ Nhắc: hạn gửi báo cáo cho đợt kiểm tra chéo của { $agency } lúc { $when } là ngày { $report }: <code>/cluster report { $id }</code>.
cluster-event-not-leader = Chỉ cơ quan cụm trưởng năm đó mới thông báo sự kiện của cụm. Xem cụm trưởng bằng <code>/cluster</code>.
cluster-event-done = 📅 Đã thông báo «{ $title }» lúc { $when } đến { $count } cơ quan trong { $cluster }; lãnh đạo và văn phòng mỗi cơ quan sẽ được báo qua bot của cơ quan mình và được nhắc trước một ngày.
cluster-event-notice = 📅 <b>{ $cluster }</b>: { $agency } (cụm trưởng) tổ chức «{ $title }» lúc { $when }.
cluster-event-reminder = ⏰ Nhắc: { $cluster } tổ chức «{ $title }» lúc { $when } (cụm trưởng: { $agency }).
upreport-usage = Cách dùng: <code>/upreport</code> (các báo cáo đã yêu cầu: ai đã gửi, ai chưa) · <code>/upreport ask 15/06/2026 Báo cáo sơ kết 6 tháng</code> (yêu cầu các cơ quan thành viên, hoặc các cơ quan trong cụm khi là cụm trưởng) · <code>/upreport send N</code> (gửi báo cáo theo yêu cầu số N).
upreport-none = Cơ quan chưa yêu cầu báo cáo nào.
upreport-past = Ngày { $date } đã qua. Hãy chọn một hạn sắp tới.
upreport-nobody = Không có cơ quan nào gửi báo cáo cho cơ quan này: cơ quan không có cơ quan thành viên và không là cụm trưởng năm nay.
upreport-asked-done = 📨 Đã yêu cầu { $count } cơ quan gửi báo cáo trước ngày { $date }: { $agencies }. Xem ai đã gửi bằng <code>/upreport</code>.
upreport-asked = 📨 { $agency } yêu cầu cơ quan gửi «{ $title }» chậm nhất ngày { $due }: <code>/upreport send { $id }</code>.
upreport-reminder = ⏰ Nhắc: «{ $title }» phải gửi { $agency } chậm nhất ngày { $due }: <code>/upreport send { $id }</code>.
upreport-send-file = Gửi tệp báo cáo theo yêu cầu số { $id } (PDF, Word hoặc Excel) vào cuộc trò chuyện này.
upreport-unknown = Không có yêu cầu báo cáo số { $id } gửi đến cơ quan.
upreport-sent = 📤 Đã gửi báo cáo { $file } đến { $to }.
upreport-received = 📄 { $agency } đã gửi «{ $title }»: { $file }. Nhận tệp: <code>/received { $id }</code>.
upreport-status = <b>{ $title }</b> — hạn { $due }: { $sent }/{ $asked } cơ quan đã gửi
upreport-status-sent = • ✅ { $agency }: <code>/received { $id }</code>
upreport-status-missing = • ⏳ Chưa gửi: { $agencies }
received-usage = Cách dùng: <code>/received</code> (các hồ sơ đề nghị cơ quan khác gửi đến) · <code>/received N</code> (tệp của thư số N).
received-none = Chưa có cơ quan nào gửi hồ sơ đề nghị đến.
received-header = <b>Hồ sơ đề nghị các cơ quan gửi đến</b> ({ $count }):
received-line = • Số { $id } — { $agency }, năm { $year }: { $candidates } đề nghị, { $decided } đã có kết quả · nhận ngày { $at }
received-unknown = Không có thư số { $id } gửi đến cơ quan.
received-no-files = Thư số { $id } không kèm tệp nào.
ballot-dossier-header = 📁 Hồ sơ đề nghị của phiên số { $id }: tờ trình, danh sách, biên bản Hội đồng và { $reports } báo cáo thành tích (bản nháp do bot lập). Còn cần trước khi gửi:
ballot-dossier-missing-report = • { $name }: báo cáo thành tích bổ sung phần thành tích, có chữ ký và xác nhận của thủ trưởng đơn vị
ballot-dossier-missing-initiative = • { $name }: quyết định công nhận sáng kiến đã nêu (chưa được Hội đồng sáng kiến công nhận)
award-not-granted = Kết quả xét thi đua: { $label } chưa đạt ở bước bỏ phiếu của Hội đồng ({ $agree }/{ $members } thành viên đồng ý, cần { $percent ->
        [50] trên 50%
       *[other] { $percent }%
    }).
ballot-paper-usage = Ghi kết quả phiếu giấy: <code>/ballot paper N STT số_đồng_ý số_không_đồng_ý</code>, ví dụ <code>/ballot paper 1 2 6 1</code>.
ballot-paper-entered = Đã ghi kết quả phiếu giấy cho ứng viên { $position } phiên số { $id }: { $agree } đồng ý, { $disagree } không đồng ý.
ballot-paper-not-found = Phiên số { $id } không có ứng viên số { $position }.
ballot-paper-closed = Phiên số { $id } đã đóng: không ghi thêm kết quả được.
ballot-written-cast = Đã ghi phiếu bằng văn bản của { $name } cho phiên số { $id } (không đồng ý { $disagree } ứng viên).
ballot-written-already = { $name } đã bỏ phiếu phiên số { $id }: mỗi thành viên chỉ có một phiếu.
ballot-view-page = Trang { $page }/{ $pages }
ballot-view-summary = Bạn đang không đồng ý { $count } ứng viên: { $positions }.
ballot-button-previous = ◀ Trang trước
ballot-button-next = Trang sau ▶
ballot-minutes-caption = Biên bản bỏ phiếu kín phiên số { $id }: thành viên đã bỏ phiếu, số phiếu đồng ý/không đồng ý và kết quả từng ứng viên.
ballot-results-caption = Danh sách kết quả bỏ phiếu phiên số { $id }.

cmd-candidates = Danh sách ứng viên của một phiên bỏ phiếu, kèm căn cứ, sáng kiến và ý kiến của đơn vị: /candidates N
cmd-review = Bình xét thi đua của đơn vị: ghi kết quả họp cho từng người (hoặc bỏ phiếu kín trong đơn vị), gửi đề nghị lên Hội đồng kèm biên bản
cmd-initiative = Sáng kiến của bạn: /initiative Tên sáng kiến | Tóm tắt (rồi gửi tệp nếu có); /initiative để xem kết quả
cmd-initiatives = Sáng kiến chờ Hội đồng sáng kiến xét: công nhận (phạm vi, điểm) hoặc trả lại
ballot-opened-to-unit = 🗳 <b>Bình xét thi đua</b>: đơn vị mở bỏ phiếu kín (phiên số { $id }). Gõ <code>/vote { $id }</code> để xem danh sách và bỏ phiếu. Phiếu kín: phiếu được niêm phong, khi đóng phiếu mới được đếm và xáo trộn; dữ liệu lưu lại chỉ cho biết bạn đã bỏ phiếu, không cho biết bạn chọn gì. Ngoại lệ duy nhất: người giữ khóa bí mật của máy chủ trong lúc phiên còn mở.
ballot-no-meeting = Không có cuộc họp số { $id } (xem số cuộc họp bằng /meetings).
ballot-meeting-empty = Năm { $year } chưa có đề nghị nào để Hội đồng bỏ phiếu.
ballot-meeting-created = 🗳 <b>Các phiên bỏ phiếu của cuộc họp số { $id }</b> (xét năm { $year }): thành viên Hội đồng đã được gửi danh sách. Chủ tịch Hội đồng mở từng danh hiệu bằng <code>/ballot open N</code>.
ballot-meeting-line = • Phiên số { $id }: { $title } — { $count } ứng viên
ballot-units-not-reviewed = ⚠️ { $count } đơn vị chưa gửi kết quả bình xét, các đăng ký đã duyệt của họ vẫn có trong danh sách: { $units }.
ballot-tally-void = ⚠️ Phiên bỏ phiếu không hợp lệ: chưa đủ { $percent }% tổng số thành viên bỏ phiếu. Không có kết quả kiểm phiếu (số phiếu của ít người sẽ lộ ai chọn gì); không ứng viên nào đạt ở phiên này.
ballot-tally-void-majority = ⚠️ Phiên bỏ phiếu không hợp lệ: chưa đủ quá nửa tổng số thành viên bỏ phiếu. Không có kết quả kiểm phiếu (số phiếu của ít người sẽ lộ ai chọn gì); không ứng viên nào đạt ở phiên này.
ballot-paper-too-many = Phiên { $id } có { $members } người bỏ phiếu: không thể ghi { $votes } phiếu cho một ứng viên. Kiểm tra lại số phiếu đồng ý và không đồng ý.
ballot-decide-future = Quyết định đề ngày { $date } là ngày sau hôm nay: chỉ ghi quyết định đã ký. Kiểm tra lại ngày.
withdraw-decided = Đăng ký này đã có kết quả xét của Hội đồng nên không rút được nữa.
ballot-decide-void = Phiên { $id } không hợp lệ vì chưa đủ số thành viên bỏ phiếu: không thể ra quyết định theo phiên này. Hãy tạo phiên mới cho các ứng viên.
ballot-agenda-header = 📋 <b>Họp Hội đồng Thi đua, Khen thưởng</b> { $when }, tại { $place }: xét thi đua năm { $year }. Danh sách ứng viên từng danh hiệu (xem bằng <code>/candidates N</code>):
ballot-agenda-line = • Phiên số { $id }: { $title } — { $count } ứng viên
candidates-usage = Gõ <code>/candidates N</code> với N là số phiên bỏ phiếu của Hội đồng.
candidates-header = 📋 <b>{ $title }</b> (phiên số { $id }): { $count } ứng viên
candidates-line = { $position }. { $label } · căn cứ: { $basis }{ $initiative }
candidates-initiative-recognised = {" · "}sáng kiến «{ $title }» đã được công nhận ({ $scope })
candidates-initiative-pending = {" · "}sáng kiến «{ $title }» chưa được Hội đồng sáng kiến công nhận
review-header = 🗂 <b>Bình xét thi đua năm { $year } — { $unit }</b>: { $count } đăng ký đã duyệt
review-line-undecided = { $position }. { $name } — { $title }: chưa xét
review-line-proposed = { $position }. { $name } — { $title }: ✅ đề nghị
review-line-not-proposed = { $position }. { $name } — { $title }: ✗ không đề nghị
review-button-propose = ✅ { $position }
review-button-not-propose = ✗ { $position }
review-button-vote = 🗳 Bỏ phiếu kín trong đơn vị
review-button-close-vote = 🔒 Đóng phiếu, lấy kết quả
review-button-send = 📨 Gửi kết quả lên Hội đồng
review-button-confirm-send = ✅ Xác nhận gửi
review-empty = Đơn vị chưa có đăng ký cá nhân nào được duyệt năm này.
review-hint = Ghi kết quả cuộc họp cho từng người (✅ đề nghị, ✗ không đề nghị; kèm lý do: <code>/review no STT lý do</code>), hoặc để các thành viên đơn vị bỏ phiếu kín; xong thì gửi lên Hội đồng.
review-already-sent = Kết quả bình xét đã gửi lên Hội đồng; không sửa được nữa.
review-usage = Cách dùng: <code>/review [năm]</code> · <code>/review yes STT [ghi chú]</code> · <code>/review no STT lý do</code>
review-not-yours = Đây không phải cuộc bình xét của đơn vị bạn.
review-vote-not-started = Không mở được bỏ phiếu: đã có phiên bỏ phiếu, hoặc không có ai để bình xét.
review-vote-started = 🗳 Đã mở bỏ phiếu kín trong đơn vị (phiên số { $id }, { $count } người được bình xét); các thành viên đơn vị đã được báo. Khi mọi người bỏ phiếu xong, bấm «Đóng phiếu» trong /review.
review-undecided = Còn { $count } người chưa có kết quả bình xét: ghi kết quả cho mọi người trước khi gửi.
review-confirm-send = Gửi kết quả bình xét lên Hội đồng: { $proposed } người được đề nghị, { $notProposed } người không. Sau khi gửi không sửa được; người không được đề nghị sẽ được báo. Gửi?
review-sent = 📨 Đã gửi kết quả bình xét: { $proposed } đề nghị, { $notProposed } không đề nghị. Thường trực Hội đồng đã được báo; biên bản ở dưới.
review-minutes-caption = Biên bản họp bình xét thi đua năm { $year } — { $unit }.
review-not-proposed-to-person = Kết quả bình xét thi đua năm { $year } tại { $unit }: bạn chưa được đơn vị đề nghị lên Hội đồng (ghi chú: { $note }).
review-sent-to-secretariat = 🗂 { $unit } đã gửi kết quả bình xét năm { $year }: { $proposed } đề nghị, { $notProposed } không đề nghị.
registration-action-proposed = được đơn vị bình xét đề nghị lên Hội đồng
registration-action-not-proposed = không được đơn vị bình xét đề nghị; ghi chú:
initiative-scope-co-so = cấp cơ sở
initiative-scope-bo-tinh = cấp bộ, ngành, tỉnh
initiative-scope-toan-quoc = toàn quốc
initiative-usage = Khai báo sáng kiến: <code>/initiative Tên sáng kiến | Tóm tắt nội dung và hiệu quả</code>.
initiative-none = Bạn chưa khai báo sáng kiến nào. Khai báo: <code>/initiative Tên sáng kiến | Tóm tắt</code>.
initiative-declared = 💡 Đã gửi sáng kiến số { $id } «{ $title }» đến Hội đồng sáng kiến. Nếu có tệp (báo cáo sáng kiến), gửi tệp cho bot trong vòng một giờ.
initiative-file-received = 📎 Đã nhận tệp { $file } cho sáng kiến số { $id }.
initiative-file-too-late = Sáng kiến số { $id } đã được xét: không thêm tệp được nữa.
initiative-mine-header = <b>Sáng kiến của bạn</b>
initiative-mine-submitted = { $id }. { $title }: chờ Hội đồng sáng kiến xét
initiative-mine-recognised = { $id }. { $title }: ✅ được công nhận { $scope }, { $score } điểm
initiative-mine-returned = { $id }. { $title }: bị trả lại — { $reason }
initiative-to-council = 💡 Sáng kiến mới chờ xét: số { $id } «{ $title }». Xem bằng /initiatives.
initiative-recognised-to-author = ✅ Sáng kiến «{ $title }» của bạn được Hội đồng sáng kiến công nhận { $scope } ({ $score } điểm); có thể làm căn cứ đăng ký danh hiệu.
initiative-returned-to-author = Sáng kiến «{ $title }» của bạn bị Hội đồng sáng kiến trả lại: { $reason }. Bạn có thể sửa và khai báo lại bằng /initiative.
initiatives-usage = Xét: <code>/initiatives ok N ĐIỂM cơ sở|bộ|tỉnh|toàn quốc</code> (công nhận, điểm 0–100) · <code>/initiatives return N lý do</code> (trả lại)
initiatives-none = Không có sáng kiến nào chờ xét.
initiatives-header = 💡 <b>{ $count } sáng kiến chờ xét</b>
initiatives-line = { $id }. <b>{ $title }</b> — { $author } ({ $unit }): { $summary }
initiatives-button-file = 📎 Tệp sáng kiến { $id }
initiatives-no-file = Sáng kiến số { $id } không có tệp.
initiatives-file-caption = Sáng kiến số { $id } «{ $title }», gửi ngày { $date }.
initiatives-not-waiting = Sáng kiến số { $id } không ở trạng thái chờ xét.
initiatives-recognised = ✅ Đã công nhận sáng kiến số { $id } «{ $title }» { $scope }, { $score } điểm; tác giả đã được báo.
initiatives-returned = Đã trả lại sáng kiến số { $id } «{ $title }»; tác giả đã được báo lý do.
rule-threshold-line = • Hội đồng: { $title } cần { $percent }% tổng số thành viên đồng ý — theo { $source }
rule-quorum-line = • Hội đồng: ít nhất { $percent }% tổng số thành viên tham gia bỏ phiếu — theo { $source }
rule-council-national = Bộ quy định quốc gia, tỷ lệ đồng ý Hội đồng cần: { $thresholds }; số thành viên tối thiểu: { $quorum }.
rule-threshold-saved = Đã lưu: { $title } cần { $percent }% tổng số thành viên Hội đồng đồng ý, theo { $source } (áp dụng cho phiên tạo sau).
rule-threshold-off = Đã bỏ ngưỡng riêng của { $title }: dùng ngưỡng của bộ quy định quốc gia.
rule-quorum-saved = Đã lưu: ít nhất { $percent }% tổng số thành viên Hội đồng tham gia bỏ phiếu, theo { $source } (áp dụng cho phiên mở sau).
rule-quorum-off = Đã bỏ quy định số thành viên tối thiểu.
rule-unitvote-line = • Bình xét ở đơn vị: cần { $percent }% tổng số thành viên đơn vị đồng ý — theo { $source }
rule-unitvote-saved = Đã lưu: bình xét ở đơn vị cần { $percent }% tổng số thành viên đơn vị đồng ý, theo { $source } (áp dụng cho lần bỏ phiếu sau).
rule-unitvote-off = Đã bỏ quy định riêng: bình xét ở đơn vị cần trên một nửa tổng số thành viên đồng ý.
candidates-note = {" · "}đơn vị: { $note }
review-note = {" "}({ $note })

## Delivery: what each channel could not do
channel-telegram = Telegram
channel-zalo = Zalo Bot
channel-zalo_oa = Zalo OA
channel-console = Bảng điều khiển
delivery-reason-quota = Zalo đã báo hết hạn mức tin nhắn của tháng
delivery-reason-allowance = đã dùng hết hạn mức tin chủ động của tháng
delivery-reason-window = đã quá 7 ngày kể từ lần cuối người đó nhắn cho OA
delivery-reason-unfollowed = người đó đã bỏ quan tâm OA
delivery-reason-blocked = người đó đã chặn bot
delivery-channel-stopped = ⚠️ Kênh { $channel } ngừng gửi đến hết tháng { $month }: { $reason }. Tin nhắn được chuyển qua kênh khác của từng người.
delivery-unreached-header = 📵 { $count } người không nhận được thông báo vì không còn kênh nào gửi được:
delivery-unreached-line = • { $name } ({ $unit }) — { $channel }: { $reason }
delivery-unreached-more = … và { $count } người nữa (xem /status).
delivery-rerouted = ↪ { $count } người được chuyển qua kênh khác của họ.
delivery-unreached-hint = Hãy báo họ nhắn một tin bất kỳ cho bot (để mở lại kênh) hoặc liên kết thêm một kênh khác. Xem tình hình các kênh bằng /status.
delivery-quota-warning = ⚠️ Kênh { $channel } đã gửi { $sent }/{ $limit } tin nhắn của tháng { $month } (80 %). Khi hết hạn mức, tin nhắn sẽ chuyển qua kênh khác của từng người; ai chỉ có kênh này sẽ không nhận được.
oa-welcome =
    Xin chào! Đây là trợ lý tự động (chatbot) về thi đua, khen thưởng của { $agency } — các câu trả lời do máy gửi, không phải do một cán bộ trực.
    Để dùng, hãy gửi mã mời Văn phòng cấp cho bạn (8 ký tự). Trước khi liên kết, bot cho bạn đọc và đồng ý thông báo xử lý dữ liệu cá nhân: bot lưu mã Zalo của bạn trong OA này, họ tên, đơn vị, chức vụ theo danh sách của cơ quan, các đăng ký thi đua và những gì bạn gửi cho bot. Xem, sửa, xóa dữ liệu bằng /privacy.

## Who may not be proposed (Decree 152/2025 Art. 4; the province's collective criteria)
hold-considering = đang bị xem xét kỷ luật (Nghị định 152/2025/NĐ-CP, Điều 4)
hold-investigated = đang bị điều tra, thanh tra, kiểm tra do có dấu hiệu vi phạm (Nghị định 152/2025/NĐ-CP, Điều 4)
hold-disciplined = bị kỷ luật { $level ->
        [khien-trach] khiển trách
        [canh-cao] cảnh cáo
        [giang-chuc] giáng chức
        [cach-chuc] cách chức
       *[other] buộc thôi việc
    } năm { $year }
hold-collective-ldtt = { $ldtt }/{ $members } thành viên ({ $percent }%) đạt Lao động tiên tiến, cần ít nhất { $need }% — theo { $source }
hold-collective-cstdcs = { $count } thành viên đạt Chiến sĩ thi đua cơ sở, cần ít nhất { $need } — theo { $source }
hold-collective-discipline = { $count } thành viên bị kỷ luật từ cảnh cáo trở lên trong năm — theo { $source }
ballot-held-header = ⚠️ Không đưa vào phiếu { $count } ứng viên không đủ điều kiện đề nghị:
ballot-held-line = • { $who } — { $title }: { $reason }
discipline-usage = Cách dùng: <code>/discipline MÃ_CB xem-xet</code> (đang xem xét kỷ luật) · <code>/discipline MÃ_CB dieu-tra</code> (đang bị điều tra, thanh tra, kiểm tra) · <code>/discipline MÃ_CB canh-cao 2026</code> (kỷ luật trong năm: khien-trach, canh-cao, giang-chuc, cach-chuc, buoc-thoi-viec) · <code>/discipline MÃ_CB off</code>. Người đang bị xem xét, điều tra hoặc bị kỷ luật trong năm không được đưa vào phiếu đề nghị khen thưởng năm đó.
discipline-saved = Đã ghi: { $name } — { $reason }. Người này không được đưa vào phiếu đề nghị khen thưởng năm { $year }.
discipline-cleared = Đã xóa ghi nhận kỷ luật của { $name }.
discipline-unknown = Không có cán bộ mã { $code } đang làm việc.
cmd-discipline = Ghi nhận người đang bị xem xét kỷ luật, điều tra hoặc bị kỷ luật (không được đề nghị khen thưởng)
