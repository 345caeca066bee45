# English. Every variable is HTML-escaped by the caller.

## Commands
cmd-start = Start, link your account with an invite code
cmd-help = Commands you can use
cmd-lang = Change language (Tiếng Việt / English)
cmd-me = Your profile: name, position, unit, roles

## Roles
role-staff = Staff member
role-head = Unit head
role-leader = Agency leadership (head of the agency, its board)
role-secretariat = Council secretariat
role-council = Council member
role-admin = Administrator
role-initiative_council = Initiative council member
role-council_chair = Chair of the council
cmd-role = Members of the councils, the secretariat, the leadership: /role council add STAFF …, /role council chair STAFF, /role council remove STAFF
cmd-team = An inspection's team: /team PLAN_NUMBER add HEAD_STAFF STAFF …
role-bodies-header = <b>The agency's bodies</b>
role-members = { $body } ({ $count }): { $names }
role-usage = Use <code>/role council add STAFF STAFF …</code>, <code>/role council chair STAFF</code>, <code>/role council remove STAFF</code>; instead of <code>council</code>: <code>initiative_council</code>, <code>secretariat</code> or <code>leader</code>.
role-add-done = ✅ { $count } added to { $body }: { $names }. Each has been told.
role-remove-done = { $count } removed from { $body }: { $names }. Each has been told.
role-chair-done = ✅ Chair of { $body }: { $names }. They have been told.
role-unknown-codes = No active staff member has the code: { $codes }.
body-council = the Emulation and Commendation Council
body-initiative_council = the initiative council
body-secretariat = the council's secretariat
body-leader = the agency's leadership
body-add-notice = 📌 You have been added to <b>{ $body }</b>. Send /help to see your new commands.
body-remove-notice = 📌 You are no longer in <b>{ $body }</b>.
body-chair-notice = 📌 You are now the chair of <b>{ $body }</b>. Send /help to see your commands.
team-usage = Use <code>/team PLAN_NUMBER</code> to see the team, <code>/team PLAN_NUMBER add HEAD_STAFF STAFF …</code> to give it members (the first heads a team with no head).
team-added = ✅ { $count } given to the inspection team: { $names }. Each has been told.
team-members = The team of inspection { $id } ({ $count }): { $names }
team-head = head
team-added-notice = 📋 You are on the inspection team of «{ $title }». Each visit will be sent to you; see them with /inspections.

## Welcome and help
help-header = <b>Commands you can use</b>
help-line = /{ $command } — { $description }
help-group = <b>{ $group }</b>: { $commands }
help-group-mine = Yours
help-group-unit = Your unit
help-group-council = Council and results
help-group-setup = Set-up
help-group-office = Launches, reminders, schedules
help-details = Send <code>/help command</code> to see how to use one, e.g. <code>/help register</code>.
help-unlinked-footer = Your account is not linked yet. Ask the office (the council secretariat) for an <b>invite code</b>, then send <code>/start CODE</code>.
start-linked = Hello <b>{ $name }</b>! Type /help to see what you can do.
unlinked-explain =
    Hello! This is your agency's assistant for emulation and commendation work.
    To use it, <b>link your account</b>: ask the office (the council secretariat) for an invite code, then send <code>/start CODE</code> or open the invite link.

## Invite codes
invite-linked = Your account is now linked to <b>{ $name }</b>. Type /me for your profile, /help for the commands.
invite-already-linked = This account is already linked to <b>{ $name }</b> with this code.
invite-wrong = That invite code is not valid. Please check it (codes have 10 characters). { $left } attempts left this hour.
invite-wrong-last = That invite code is not valid. Too many wrong codes; please try again in an hour.
invite-locked = Too many wrong codes. Please try again after { $until }.
invite-expired = This invite code expired on { $date }. Ask the office for a new one.
invite-used = This invite code has already been used. Each code works once; if it was not you, tell the office now.
invite-replaced = This invite code was replaced by a newer one. Use the latest code the office sent you.
invite-channel-full = The Zalo Bot pilot channel already carries { $cap } people, so this account cannot be linked. Your invite code still works: send it to the agency's Zalo OA (if it has one) or to the bot on Telegram, or ask the office.
invite-unknown-staff = No staff member has the code { $code } in the roster.

## Profile
me-profile =
    <b>{ $name }</b>
    Position: { $position }
    Unit: { $unit }
    Roles: { $roles }
me-no-position = (none)

## Language
lang-choose = Choose a language:
lang-changed = Switched to English.
lang-name-vi = Tiếng Việt
lang-name-en = English

## General answers
unknown-command = There is no /{ $command } command. Type /help to see the commands you can use.
unknown-text = I did not understand that. Type /help to see the commands you can use.
not-allowed = /{ $command } is not available for your role. Type /help to see the commands you can use.
error-try-again = Sorry, something went wrong while handling your request. Please try again in a few minutes.
error-storage-full = Sorry, the server has run out of storage, so your request was not saved (nothing was half-written). The administrator has been alerted; please try again later.
cli-storage-full = The database's disk is full: nothing was written (nothing half-written). Free some space and run the command again.
button-expired = This button is no longer valid. Please type the command again.

## Roster import
roster-empty = The roster file is empty.
roster-no-rows = The roster file has a header row but no staff.
roster-missing-columns = No header row with a "Họ và tên" (full name) column in the first { $rows } rows. The header may be on any row; it needs "Họ và tên" and "Đơn vị" (or "Mã đơn vị"); "Mã cán bộ", "Chức vụ", "Ngày sinh", "Vai trò" if present.
roster-missing-unit-code = unit code missing
roster-missing-unit-name = unit missing (no "Đơn vị" column and no unit heading above the row)
roster-missing-staff-code = staff code missing
roster-missing-full-name = full name missing
roster-code-too-long = code too long (64 characters at most) in column { $column }
roster-code-invalid = invalid characters in a code in column { $column } (letters, digits, . _ - / only)
roster-text-too-long = text too long (200 characters at most) in column { $column }
roster-row-invalid = invalid value in column { $column }
roster-unknown-role = unknown role "{ $role }" (use: staff, head, deputy head, leader, secretariat, council, admin)
roster-duplicate-staff-code = staff code { $code } repeats line { $line }
roster-not-utf8 = The file is not UTF-8 text (it may be binary). Save the roster as UTF-8 CSV or .xlsx.
roster-csv-invalid = Could not read the CSV file: { $reason }
roster-xlsx-invalid = Could not read the Excel file: it is damaged or not .xlsx.
roster-unsupported-format = The format "{ $extension }" is not supported. Use .xlsx or .csv.
file-not-found = File { $file } not found.
file-too-large = The file is too large ({ $size } MB); the limit is { $limit } MB.
file-unsafe = The file is too large or damaged to open (its unpacked content exceeds the limit or its structure is invalid). Open it in Word or Excel, save it again and resend it.

## Database
db-directory-locked = The data directory { $dir } is in use by another tdkt-bot process (pid { $pid }). Stop that process, or set DATABASE_URL so several processes share one Postgres server.

## Admin CLI
cli-usage =
    Usage: npm run tdkt -- <command>
      migrate                          bring the database schema up to date
      import roster <file.csv|file.xlsx> [--full]  import the staff roster (--full: whoever the file omits has left)
      invite <staff_code…> | --unit CODE | --all [--out file.xlsx|file.docx] [--new]  invite codes (valid ones are reused; --new issues new ones)
      import plan <file> [--year YEAR] [--dry-run]  import a plan's quarterly task table (.docx, .md, .txt)
      reminders run [--at TIME] [--dry-run]  run one reminder sweep as if at that time
      holiday add <yyyy-mm-dd> <name>  add a public holiday (Tết, Hùng Kings…); holiday list to see them
      campaign launch --deadline dd/mm/yyyy --title "Title"  launch the campaign, registration open until the deadline
      import history <file.csv>        import past years' titles (staff_code, year, title_code)
      export registrations [--year YEAR] [--out file.xlsx] [--pending]  export the consolidated registration list (approved; --pending adds those awaiting approval)
      audit --since dd/mm/yyyy         the audit log since that day
      backup <file> / restore <file>   back up / restore the embedded (PGlite) database
      seed demo                        load the demo agency
      privacy requests / privacy done <id> <note>  personal-data requests waiting / record one handled
      agency add <CODE> <name> / agency list / agency parent <CODE> <PROVINCE_CODE>  agencies of one database, the province following them
      agency channel <CODE> <SETTING> <value|->  an agency's chat channel, sealed with CHANNEL_SECRETS_KEY
      cluster add <CODE> <name> / cluster member <CLUSTER> <AGENCY> [--leads YEAR]  emulation clusters and their leaders
      province report [--year YEAR]    every agency's figures
cli-unknown-command = Unknown command: { $command }. Run npm run tdkt -- help for usage.
cli-missing-argument = Missing argument: { $argument }.
cli-migrated = Database schema is up to date ({ $driver }).
cli-roster-summary = Roster: { $created } created, { $updated } updated, { $unchanged } unchanged, { $rejected } rows rejected; { $units } new units; { $moved } moved to another unit ({ $registrations } waiting registrations moved with them); { $left } left the agency.
cli-roster-rejected = Line { $line }: { $reason }
cli-roster-ignored-columns = Ignored columns: { $columns }
cli-invite =
    Invite for { $name } (expires { $date }):
    INVITE { $code }
    { $link }
cli-seeded = Demo agency loaded: { $people } people.

## Console chat
console-welcome = tdkt-bot — local console chat. You are { $name } ({ $unit }). Type /help to start; type a number to press a button.
console-document = [Attached file: { $name }]

## Plans
plan-no-task-table = No task table found, nor any duty with a deadline ("trước ngày dd/mm/yyyy") or meetings by month. A task table needs a "Nội dung" (content) column and a lead or coordinating unit column.
plan-unknown-columns = A table was found but its columns were not recognised ({ $columns }). The task table needs "Nội dung" and "Đơn vị chủ trì"/"Đơn vị phối hợp" columns.
plan-no-tasks = The task table has no tasks.
plan-no-year = Could not tell the plan's year; give it with --year YEAR.
plan-docx-invalid = Could not read the Word file: it is damaged or not .docx.
plan-not-document = The file is not a document (.docx, .md or .txt).
cli-bad-year = Invalid year: { $value }.
cli-plan-unmatched = Not matched to roster units (will not be reminded): { $phrases }
cli-plan-saved = Plan saved: { $created } new tasks, { $updated } updated, { $removed } removed from the plan.

## Plan task reminders
tasks-role-lead = lead
tasks-role-coordinating = coordinating
reminder-quarter-digest = <b>Quarter { $quarter }/{ $year } tasks of { $unit }</b> ({ $count } tasks):
reminder-task-line = • Q{ $quarter }.{ $number } { $content } — { $role }, due { $due }
reminder-task-line-done = • ✅ Q{ $quarter }.{ $number } { $content } — { $role }, done
reminder-more = … and { $count } more (type /tasks for the full list).
reminder-task-due =
    ⏰ <b>{ $days } days left</b> until { $due }:
    Q{ $quarter }.{ $number } { $content }
    Unit: { $unit }
reminder-overdue-digest = ⚠️ <b>{ $unit }: { $count } overdue tasks</b>
reminder-overdue-summary = ⚠️ <b>Overdue tasks:</b> { $count } tasks in { $units } units
reminder-overdue-summary-line = • { $unit }: { $count }
reminder-meeting =
    📅 <b>Council meeting reminder</b>
    When: { $when }
    Where: { $place }
    Agenda: { $agenda }

## /tasks
cmd-tasks = Your unit's tasks this quarter and what is overdue; /tasks 1–4 or /tasks quá hạn; /tasks all: the agency overview
cmd-note = Add a note to the task you just marked done
tasks-button-done = ✓ Done { $number }
tasks-button-reopen = ↺ Reopen { $number }
tasks-header = <b>Quarter { $quarter }/{ $year } tasks — { $unit }</b>
tasks-none = { $unit } has no tasks in quarter { $quarter }/{ $year }.
tasks-no-unit = You do not head a unit, so you have no task list. Type /tasks all for the overview.
tasks-marked-done = ✅ Marked done: Q{ $quarter }.{ $number }. Send /note text within 30 minutes to add a note.
tasks-reopened = ↺ Reopened Q{ $quarter }.{ $number }.
tasks-not-yours = This task does not belong to a unit you head.
tasks-note-saved = Note saved for Q{ $quarter }.{ $number }.
tasks-note-nothing = There is no task you just marked done to add a note to. Press "Done" first.
tasks-note-empty = Write the note after the command, e.g. <code>/note Report 12/BC sent</code>.
tasks-all-header = <b>Task progress { $year }</b> (done/total, per quarter):
tasks-all-line = • { $unit }: Q1 { $q1 } · Q2 { $q2 } · Q3 { $q3 } · Q4 { $q4 }
tasks-all-none = No plan for { $year } yet. The office imports one by sending the file to the bot or with the import plan command.
cli-bad-time = Invalid time: { $value } (use ISO-8601, e.g. 2024-03-25T08:00:00+07:00).
cli-reminders-planned = The sweep at { $at } would queue { $count } messages (dry run, nothing saved).
cli-reminders-queued = Sweep at { $at }: { $count } messages queued.
cli-reminders-busy = A running instance of the bot is sweeping reminders right now; run this again in a minute.
cli-reminders-sent = { $count } messages sent.

## Plan import in chat
cmd-plan = Import a plan: send the plan file (.docx, .md, .txt) to the bot
plan-help = Send the plan file (.docx, .md or .txt). I will read its quarterly task table, show you a preview and save only when you confirm.
upload-download-failed = Could not download the file. Please send it again.
plan-import-expired = This preview has expired or was already handled. Send the file again.
plan-preview-header = <b>{ $title }</b> ({ $year }): { $count } tasks found. Check them, then press "Save plan".
plan-preview-quarter = <b>Quarter { $quarter }</b>: { $count } tasks
plan-preview-task = { $position }) { $number }. { $content } — due { $due } ({ $from }){ $dueMark }; lead: { $lead }; coordinating: { $coordinating } ({ $unitsFrom }){ $unitsMark }
plan-preview-unmatched = ⚠️ <b>{ $count } unit names do not match the roster</b> (they will not be reminded if left):
plan-preview-unmatched-line = { $position }. { $phrase }
plan-button-map = Assign { $position }: { $phrase }
plan-button-save = ✅ Save plan
plan-button-cancel = Cancel
plan-button-external = Outside the roster (no reminders)
plan-button-back = « Back
plan-map-choose = Which unit is "{ $phrase }"? The choice is remembered for later imports.
plan-import-cancelled = Cancelled; nothing was saved.
plan-import-saved = ✅ Saved <b>{ $title }</b>: { $created } new tasks, { $updated } updated, { $removed } removed from the plan. { $unmatched } unmatched unit names are kept as written.

## Council meetings
cmd-meeting = Record a council meeting: /meeting dd/mm/yyyy HH:mm | place | agenda; /meeting move N …, /meeting cancel N
cmd-meetings = Upcoming council meetings
meeting-usage = To record a meeting: <code>/meeting 25/03/2024 14:00 | Room 2 | Quarter I review</code>; move: <code>/meeting move 3 27/03/2024 14:00 | Room 3</code> (place optional); cancel: <code>/meeting cancel 3</code> (meeting numbers are in /meetings).
meeting-date-invalid = "{ $value }" is not a real date and time. Please check it (dd/mm/yyyy HH:mm).
meeting-in-past = { $when } has passed. Choose a time to come.
meeting-saved = 📅 Meeting { $id } recorded: { $when } at { $place }: { $agenda }. Council members will be reminded 3 days and 1 day before.
meetings-none = No council meeting is coming up.
meetings-header = <b>Upcoming council meetings</b>
meetings-line = • No. { $id }: { $when } — { $place }: { $agenda }
cli-bad-day = Invalid day: { $value } (use yyyy-mm-dd).
cli-holiday-added = Holiday added on { $day }: { $name }.

## Title registration
cmd-register = Register the emulation title you aim for this year
cmd-myregs = My registrations: status, history, change or withdraw
cmd-approve = Decide the registrations waiting for you: your unit's staff, or (the agency's leadership) the heads' and collectives'; /approve year for another year
cmd-report = Registrations per unit
cmd-export = Export the consolidated registration list (Excel)
cmd-rule = The agency's own rules: /rule (name, initiative requirements, ratio caps, the council's thresholds)
cmd-campaign = Launch the campaign: /campaign dd/mm/yyyy Title (registration deadline)
status-submitted = Pending
status-approved = Approved
status-returned = Returned
status-withdrawn = Withdrawn
registration-action-submitted = submitted
registration-action-changed = changed
registration-action-resubmitted = corrected and resubmitted
registration-action-approved = approved
registration-action-returned = returned
registration-action-withdrawn = withdrawn
register-choose-title = <b>Title registration { $year }</b>
    Choose the title you register for:
register-refused-not-launched = This year's campaign has not been launched, so registration is not open yet. The office will announce it.
register-refused-closed = Registration closed on { $date }. Contact the office if needed.
register-refused-collective = { $title }: only a unit head registers a collective title, for their own unit.
register-refused-history = { $title } requires { $needed } consecutive years of { $prerequisite } — you have { $have }.
register-refused-initiative = { $title }: the name of the initiative or project is required.
register-refused-not-registrable = { $title } is chosen by the higher level, not registered directly.
register-refused-unknown-title = That title is not in the current catalogue. Type /register to choose again.
register-not-yours = This registration is not yours or was withdrawn.
register-choose-form = <b>{ $title }</b>
    Choose the form of commendation you propose (optional):
register-form-none = None
register-ask-initiative = <b>{ $title }</b>: type the <b>name of your initiative</b>:
register-ask-initiative-choose = <b>{ $title }</b>: choose one of your recognised initiatives, or type the <b>name</b> of another:
register-ask-initiative-again = Type the name (at least 3 characters), or press “Back” / “Cancel”.
register-initiative-invalid = The name must be 3 to 300 characters. Please type it again.
register-summary =
    <b>Check your registration</b>
    Title: { $title }
    Form of commendation: { $form }
    Basis: { $basis }
    Initiative / project: { $initiative }
register-button-confirm = ✅ Confirm
conversation-button-back = « Back
conversation-button-cancel = Cancel
register-button-change = Change
register-button-fix = Correct and resubmit
register-button-withdraw = Withdraw
conversation-use-buttons = Please pick one of the options above (a button, or on Zalo its number), or "Cancel".
conversation-cancelled = Cancelled; nothing was saved.
register-done-submitted = ✅ Registered for <b>{ $title }</b>. Status: waiting for your unit head's approval. See /myregs.
register-done-changed = ✅ Changed to <b>{ $title }</b>, waiting for approval again.
register-done-resubmitted = ✅ <b>{ $title }</b> corrected and resubmitted, waiting for approval.
register-done-unchanged = Your registration for <b>{ $title }</b> was already recorded; nothing changed.
register-already = This year you have registered: <b>{ $title }</b>. Press “Change” to change it or to register a title of another level too (e.g. a ministerial or provincial Emulation Fighter in the same year as the grassroots one), or withdraw one.
register-withdrawn = Withdrawn. You can register again with /register before the deadline.
myregs-none = You have not registered for any title for { $year }.
myregs-header = <b>Registrations { $year }</b>
myregs-line = <b>{ $title }</b> — { $status }
    Form of commendation: { $form }; initiative: { $initiative }
myregs-return-reason = Returned because: { $reason }
myregs-event = · { $when }: { $action } { $reason }
approve-none = Nothing of { $unit } for { $year } waits for your decision.
approve-header = <b>Registrations of { $year } awaiting approval — { $unit }</b> ({ $count }):
approve-line = { $number }. { $name }: { $title }; { $form }; initiative: { $initiative }
approve-button-approve = ✓ Approve { $number }
approve-button-return = ↩ Return { $number }
approve-ask-reason = Type the <b>reason for returning it</b>, so the person knows what to correct:
approve-reason-needed = A reason is needed (at least 3 characters).
approve-approved = ✅ Approved. The person has been told.
approve-returned = ↩ Returned with the reason. The person has been told and can correct and resubmit.
approve-not-your-unit = This registration does not belong to a unit you head.
approve-not-pending = This registration is no longer waiting for approval.
registration-approved-notice = ✅ Your registration for <b>{ $title }</b> was approved by { $head }.
registration-returned-notice =
    ↩ Your registration for <b>{ $title }</b> was returned by { $head }.
    Reason: { $reason }
    Type /myregs to correct and resubmit it.
registration-reminder = ⏰ You have not registered for an emulation title yet ({ $campaign }). Deadline: <b>{ $deadline }</b>.
registration-reminder-button = Register now
report-no-campaign = No campaign launched for { $year }. Use /campaign to open registration.
report-header =
    <b>Registrations { $year }</b> — { $campaign } (deadline { $deadline })
    Unit: staff · linked · registered · approved · pending · not registered
report-line = • { $unit }: { $staff } · { $linked } · { $registered } · { $approved } · { $pending } · { $missing }
report-cap-warning = ⚠️ { $unit }: { $count } { $title } for { $of } { $base } = { $percent }%, over the { $max }% cap.
report-button-remind = Remind { $count } people not registered
report-reminded = Reminders queued for { $count } people not registered, sent from { $when }. Each person is reminded at most once a day: { $already } were reminded today already.
export-none = Nothing to export for { $year } (approved registrations only by default; add “pending” for those awaiting approval).
export-caption = Registration list { $year }: { $individuals } individuals, { $collectives } collectives.
export-sheet-individuals = Cá nhân
export-sheet-collectives = Tập thể
export-title-individuals = BIỂU ĐĂNG KÝ DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG CÁ NHÂN NĂM { $year }
export-title-collectives = BIỂU ĐĂNG KÝ DANH HIỆU THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG TẬP THỂ NĂM { $year }
campaign-usage = To launch: <code>/campaign 30/01/2025 Emulation movement 2025</code> (the date is the registration deadline).
campaign-saved = 📣 <b>{ $title }</b> launched. Registration is open until the end of { $deadline }.
history-unknown-staff = no staff member with code { $code }
history-unknown-title = no title with code { $code }
cli-history-summary = Title history: { $imported } rows imported, { $rejected } rejected.
cli-exported = Wrote { $file }: { $individuals } individuals, { $collectives } collectives.
cli-campaign-usage = Usage: campaign launch --deadline dd/mm/yyyy --title "Campaign title"
cli-campaign-launched = Launched { $title } for { $year }; registration open until the end of { $deadline }.
history-bad-year = invalid year
history-missing-title = title code missing

## Broadcasts and campaign launches
cmd-broadcast = Send an announcement to everyone or a group
cmd-launch = Launch the campaign: /launch dd/mm/yyyy Title (announce and open registration)
cmd-campaigns = This year's launches and announcements with delivery figures
launch-usage = To launch: <code>/launch 30/01/2025 Emulation movement 2025</code> (the date is the registration deadline).
broadcast-ask-text = Type the <b>announcement</b>. Bold, italics, links… are kept as you format them.
launch-ask-text = Type the <b>launch announcement</b> for "{ $title }". Recipients will see a "Register now" button.
broadcast-ask-text-again = Type the announcement as text, or press "Cancel".
broadcast-html-invalid = The text has broken HTML: { $detail }. Please fix it and send it again.
broadcast-empty = The text is empty. Type the announcement.
broadcast-too-long = The text has { $length } characters, over Telegram's { $limit }. Please shorten it and send it again.
broadcast-caption-too-long = With a file, the text may have at most { $limit } characters (it has { $length }). Shorten it first, or press "No attachment".
broadcast-ask-document = Send a <b>file to attach</b> (the plan, the launch decision…) or press "No attachment".
broadcast-ask-document-again = Send a file, or press "No attachment".
broadcast-button-no-document = No attachment
broadcast-ask-audience = Send it to whom?
broadcast-audience-all = Everyone
broadcast-audience-units = Choose units…
broadcast-audience-heads = Unit heads
broadcast-audience-council = The council
broadcast-audience-unregistered = People not registered this year
broadcast-ask-units = Choose the units, then press "Done":
broadcast-button-units-done = Done
broadcast-audience-empty = Nobody in this group has linked an account. Choose another group.
broadcast-preview-intro = 👇 Recipients will see exactly this:
broadcast-confirm = It will go to <b>{ $count }</b> people. Send now?
launch-confirm = This launches <b>{ $title }</b> (registration until the end of { $deadline }) and sends it to <b>{ $count }</b> people. Send now?
broadcast-button-send = 📣 Send to { $count } people
broadcast-starting = ⏳ Starting…
broadcast-progress =
    📣 <b>Sending</b> { $bar }
    Sent: { $sent } · Failed: { $failed } · Remaining: { $remaining }
    About { $eta } left
broadcast-button-cancel = ⏹ Stop sending
broadcast-cancelling = Stopped: what was not sent yet will not be sent.
broadcast-done =
    ✅ <b>Sent</b> { $bar }
    Sent: { $sent } · Could not be sent: { $failed } · Outcome unknown: { $unknown }
broadcast-cancelled-report =
    ⏹ <b>Stopped</b>
    Sent: { $sent } · Could not be sent: { $failed } · Unknown: { $unknown } · Cancelled: { $cancelled }
broadcast-reason-line = • { $reason }: { $count }
broadcast-button-unreached = Not reached ({ $count })
broadcast-unreached-header = <b>Not reached</b> ({ $count }):
broadcast-unreached-line = • { $name } — { $unit }: { $reason }
broadcast-status-draft = draft
broadcast-status-sending = sending
broadcast-status-cancelled = stopped
broadcast-status-done = done
campaigns-none = No launch or announcement in { $year } yet.
campaigns-header = <b>Launches and announcements { $year }</b>
campaigns-launch-line = 📣 { $date } — launch "{ $title }": { $sent }/{ $recipients } sent, { $failed } failed, { $remaining } remaining ({ $status })
campaigns-broadcast-line = ✉️ { $date } — "{ $title }": { $sent }/{ $recipients } sent, { $failed } failed, { $remaining } remaining ({ $status })
backup-use-pg-dump = With DATABASE_URL (a Postgres server), back up with pg_dump and restore with pg_restore.
restore-not-empty = The directory { $dir } already holds data. Restore into an empty directory (set DATA_DIR) or move the old data away first.
cli-backup-done = Backed up to { $file } ({ $size } MB).
cli-restore-done = Restored { $file } into { $dir }.

## Inspections
cmd-inspections = Inspection schedule: your unit's, your team's, or all of it
cmd-visit = Schedule a visit: /visit plan_id unit_code dd/mm/yyyy HH:mm [| reason]; /visit cancel visit_id
inspection-no-units = No list of inspected agencies or units was found in the document.
inspection-unknown = There is no inspection plan { $id }.
inspection-member-inspected = Staff member { $code } is on the inspection team but belongs to an inspected unit.
visit-usage = To schedule: <code>/visit 1 XQS 15/05/2024 08:30</code>; add <code>| reason</code> to schedule inside the notice period; <code>/visit cancel 3</code> to cancel; <code>/visit docs 1 XQS 15/05/2024</code> for an inspection on documents.
visit-in-past = That time has passed. Choose a day to come.
visit-notice-too-short = Only { $days } days ahead, less than the plan's { $min } days of notice. If it must be so, add <code>| reason</code> at the end; the reason is recorded.
visit-unknown-unit = There is no unit with code { $code } in the roster.
visit-unit-not-inspected = { $unit } is not on this plan's list of inspected units.
visit-not-found = No active visit with that number.
visit-scheduled-done = 📅 Inspection visit { $id } scheduled for { $when }.
visit-moved-done = 📅 Inspection visit { $id } moved to { $when }.
visit-cancelled-done = Visit cancelled. The unit's heads and the team (if any) have been told.
visit-mode-onsite = on site
visit-mode-documents = on documents only
visit-notice =
    📋 <b>Inspection of emulation and commendation work</b>
    { $title }
    Unit: { $unit }
    When: { $when } ({ $mode })
    Send the written report by { $report }.
visit-moved-unit =
    📋 <b>The inspection visit to { $unit } has changed</b>
    Old time: { $from }
    New time: { $when } ({ $mode })
    Send the report by { $report }.
visit-moved-team = 📋 The visit to { $unit } moved from { $from } to { $when }; the unit's report is due { $report }.
visit-cancelled = 📋 The inspection of { $unit } at { $when } is cancelled.
visit-report-due-tomorrow = ⏰ Tomorrow ({ $report }) the inspection report of { $unit } is due (visit at { $when }).
visit-report-due-today = ⏰ Today ({ $report }) the inspection report of { $unit } is due. Send me the file or press "Report sent" in /inspections.
visit-tomorrow = 📋 Tomorrow the inspection team visits { $unit } at { $when }.
visit-tomorrow-documents = 📋 Tomorrow the inspection team reviews the documents of { $unit } ({ $when }).
visit-report-late = ⚠️ { $unit } has not sent its inspection report (due { $report }; visit at { $when }).
visit-report-received = 📥 { $unit } sent its inspection report (visit { $when }).
visit-report-received-late = 📥 { $unit } sent its inspection report, late (visit { $when }).
visit-report-noted = 📥 Your unit's report is recorded. The inspection team has been told.
visit-report-noted-late = 📥 Report recorded (after its due date). The inspection team has been told.
visit-no-report-due = Your unit has no visit waiting for a report.
visit-state-notified = notified
visit-state-report = report received
visit-state-done = done
visit-report-status-received = report sent
visit-report-status-waiting = report not sent yet
inspections-none = No inspection concerns you.
inspections-calendar-header = <b>Inspection calendar</b> ({ $count } visits):
inspections-calendar-line = • #{ $id } { $when } — { $unit }: { $state }
inspections-unit-line =
    📋 <b>{ $when }</b> — { $title } ({ $mode })
    Prepare: the written report before { $report }; this year's records. Status: { $status }
inspections-button-report-sent = Report sent
inspections-team-header = <b>Your inspection team's schedule</b>
inspections-team-line = • { $when } — { $unit }
cli-inspection-usage = Usage: import inspection <file> [--kind direct|self|cross] [--team HEAD_CODE,MEMBER_CODE,…] [--year YEAR]
cli-inspection-created = Inspection plan { $id } created: { $title }; { $units } units; months { $from }–{ $to }; notice { $notice } { $noticeUnit }; report { $report } { $reportUnit } ahead.
cli-audit-usage = Usage: audit --since dd/mm/yyyy
cli-audit-count = { $count } audit entries.
cli-agency-usage = Usage: agency add CODE Agency name (code: letters, digits, _ or -, at most 32).
cli-agency-exists = An agency with code { $code } exists already.
cli-agency-added = Agency { $code } — { $name } added: run its bot with AGENCY_ID={ $id }.
cli-agency-line = { $id }  { $code }  { $name } — { $people } active staff
cli-province-header = Agencies, { $year }: staff | registered | approved | proposed upward | awarded | late duty shares
cli-province-line = { $code }  { $name }: { $people } | { $registered } | { $approved } | { $proposedUp } | { $awarded } | { $lateDuties }
cli-agency-channel-usage = Usage: agency channel CODE SETTING value (or - to read the value from standard input; empty to remove it).
cli-agency-unknown = There is no agency with code { $code }.
cli-agency-channel-saved = Saved { $name } of agency { $code } (encrypted). The agency's bot, run with AGENCY_ID={ $id } and CHANNEL_SECRETS_KEY, will use it.
cli-agency-parent-saved = Agency { $code } is now followed by { $parent } (its /agencies command).
cli-cluster-usage = Usage: cluster add CODE Cluster name (code: letters, digits, _ or -, at most 32) · cluster member CLUSTER AGENCY [--leads YEAR].
cli-cluster-exists = A cluster with code { $code } exists.
cli-cluster-added = Cluster { $code } added: { $name }.
cli-cluster-member-saved = Agency { $agency } is in cluster { $cluster } (its /cluster command).
cli-agency-channel-removed = Removed { $name } of agency { $code }.
channel-setting-unknown = { $name } is not a channel setting that can be kept. Settings: { $names }.
channel-secret-unreadable = Could not open the setting { $name } kept in the database: CHANNEL_SECRETS_KEY is not the key it was saved with.
channel-secrets-key-missing = Set CHANNEL_SECRETS_KEY (at least 32 characters) to keep channel settings in the database.

## Zalo, and where notifications go
cmd-notify = Get notifications on: /notify telegram, /notify zalo or /notify both
notify-current = Your notifications go to: <b>{ $via }</b>. Choose:
notify-usage = Usage: <code>/notify telegram</code>, <code>/notify zalo</code> or <code>/notify both</code>.
notify-set = From now on notifications go to: <b>{ $via }</b>.
notify-set-not-linked = Saved: notifications go to <b>{ $via }</b>. You have not linked a { $via } account, so until you do, they keep going to the accounts you have. To link one, ask the Office for an invite code and send it in { $via }.
notify-via-telegram = Telegram
notify-via-zalo = Zalo
notify-via-both = Both Telegram and Zalo
plain-choose-hint = Reply with the number (e.g. 1) or type the option.
plain-choice-out-of-range = There is no such option. Reply with the number in front of an option, from { $first } to { $last }.
plain-choice-ambiguous = That number has several options: { $keys }. Reply with exactly one of them.
zalo-document-link = 📎 Download { $name } at: { $url }
    The link works once, until { $until }; do not forward it.
download-page-title = Download a file from tdkt-bot
download-page-intro = The file «{ $file }» is ready. This link downloads it once.
download-page-button = Download
download-page-used = This link has already been used. If you need the file again, send the command again in the chat with the bot.
zalo-document-unavailable = 📎 Zalo cannot receive the file { $name } from the bot. Use this command on Telegram, or ask the Office to send you the file.

## Roster through chat
cmd-roster = Import the staff roster: send the .xlsx or .csv file to the bot
roster-help = Send the staff roster file (.xlsx or .csv). I will show you how many people are new, how many are already known and which rows are rejected, and import only when you confirm.
upload-reading = Reading the file…
roster-preview = File <b>{ $file }</b> (header on line { $header }): { $created } new people, { $known } already known, { $moved } of them moving to another unit; { $leaving } people on record are not in the file; { $rejected } rows rejected.
roster-preview-more = … and { $count } more rejected rows.
roster-button-import = ✅ Import the roster
group-not-served = The emulation and commendation assistant works in private chats only: please message me directly.
plain-choices-updated = The options are updated:

upload-link = Zalo does not pass files to bots. Open this link to send the file (valid until { $expires }; it is yours alone, do not forward it):
    { $url }
upload-link-unavailable = On this platform the bot cannot take files yet (it must run in webhook mode). An administrator can import the file on the server: <code>npm run tdkt -- import plan</code> or <code>import roster</code>.
upload-page-title = Send a file to tdkt-bot
upload-page-intro = Choose the file and press “Send”. The preview appears in your chat with the bot; nothing is saved until you confirm there.
upload-page-send = Send
upload-page-received = File “{ $file }” received. Go back to your chat with the bot to see the preview and confirm.
upload-page-too-large = The file is larger than { $megabytes } MB and cannot be taken. Please choose a smaller one.
upload-page-no-file = No file was chosen, or its name is not valid. Please choose again.
upload-page-busy = The server is taking many files at once. Please try again in a few minutes.
register-button-withdraw-title = Withdraw: { $title }
register-choose-basis = <b>{ $title }</b>: what is your registration based on?
basis-excellent = Excellent completion of duties
basis-initiative = A recognised initiative
basis-research = An accepted research project
register-ask-research = <b>{ $title }</b>: type the <b>name of your research project</b>:
register-refused-basis = { $title }: choose what the registration is based on (excellent work, an initiative or a research project).
register-refused-agency-initiative = { $title }: under { $rule }, an initiative or a research project is required; excellent work alone is not enough.
register-refused-history-this-year = { $title }: needs { $prerequisite } in 3 consecutive years, the third may be this one — you have { $have } before it. Register { $prerequisite } for this year first.
register-refused-awards = { $title }: needs { $needed } consecutive awards of { $prerequisite } (at most { $cycle } years apart) — you have { $have }.
rule-header = <b>Rules in force</b>
    Agency: { $agency }
    National rules: { $national }
rule-initiative-line = • { $title }: needs an initiative or research as its basis — under { $source }
rule-cap-line = • { $title } at most { $percent } % of { $of } (a warning, never a refusal) — under { $source }
rule-none = The agency has set no rules of its own.
rule-usage = Usage: /rule · /rule agency <agency name> · /rule initiative <TITLE_CODE> <regulation>|off · /rule cap <CODE> <BASE_CODE> <percent> <regulation>|off (codes: LDTT, CSTDCS, CSTD_BO_TINH…) · /rule threshold <CODE> <percent> <regulation>|off (the council's agreement a title needs) · /rule quorum <percent> <regulation>|off (the least share of members who must vote) · /rule deputy head|staff (whether a deputy head is a unit head or staff when the roster gives positions only) · /rule unitvote <percent> <regulation>|off (the share of a unit's members its bình xét needs; by default more than half)
rule-agency-saved = Agency name saved: { $agency }.
rule-initiative-saved = Saved: { $title } needs an initiative or research, under { $source }.
rule-initiative-off = The initiative requirement for { $title } is lifted.
rule-cap-saved = Saved: { $title } at most { $percent } % of { $of }, under { $source } (a warning only).
rule-cap-off = The ratio cap on { $title } is lifted.
approve-scope-agency = the whole agency
approve-own = Nobody approves their own registration: this one is decided by the agency's leadership.
approver-button-approve = ✓ Approve
approver-button-return = ↩ Return
approver-submitted = 📝 { $name } ({ $unit }) registered <b>{ $title }</b>, awaiting your approval.
approver-changed = 📝 { $name } ({ $unit }) changed their registration to <b>{ $title }</b>, awaiting your approval again.
approver-resubmitted = 📝 { $name } ({ $unit }) corrected and resubmitted <b>{ $title }</b>, awaiting your approval.
approver-withdrawn = ℹ️ { $name } ({ $unit }) withdrew their registration for <b>{ $title }</b>.
reminder-approvals = ⏳ { $count } registrations are waiting for your approval. Type /approve to see and decide them.
report-no-leader = ⚠️ The roster has no agency leader (role leader): the heads' own registrations and collective titles have nobody to approve them.
report-unit-without-approver = ⚠️ { $unit }: no unit head and no agency leader — this unit's registrations have nobody to approve them.
campaign-exists = <b>{ $title }</b> was launched this year already (deadline { $deadline }). To move the deadline, use <code>/extend dd/mm/yyyy</code>: those not registered yet are told.
extend-usage = To extend: <code>/extend 15/02/2025</code> (the date is the new deadline).
extend-past = The new deadline must be after today.
extend-no-campaign = No campaign has been launched this year, so there is no deadline to extend. Use /campaign or /launch.
extend-done = ⏩ Registration for <b>{ $title }</b> extended to the end of { $deadline }; { $count } people not yet registered will be told.
campaign-extended-notice = ⏩ The registration deadline of <b>{ $campaign }</b> is extended to the end of { $deadline }. You have not registered yet: press the button below.
cmd-extend = Extend registration: /extend dd/mm/yyyy (tells those not registered)
launch-header =
    📣 <b>{ $title }</b>
    Registration deadline: end of { $deadline } · From: { $sender }
myregs-campaign = 📣 { $campaign } — registration deadline end of { $deadline } ({ $state })
myregs-campaign-open = { $days } days left
myregs-campaign-closed = closed
myregs-campaign-none = No campaign has been launched for { $year }.
export-total-individuals = Total: { $count } individuals
export-total-collectives = Total: { $count } collectives
export-usage = Usage: /export [year] [pending] — approved registrations only by default; “pending” adds those awaiting approval.
register-withdraw-approved-confirm = This registration <b>has been approved</b>. Withdrawing it loses the approval, and the approver is told. Withdraw it anyway?
register-button-withdraw-confirm = Withdraw the approved registration
register-withdraw-kept = The registration stays as it is.
report-collective-line =     ↳ collective: { $title } ({ $status })
roster-duplicate-person = same person as line { $line } (same name and birth date)
roster-preview-generated-codes = The file has no staff code for { $count } people: the bot makes codes from the name (and birth date if given), so the next import finds the same people.
roster-preview-new-units = New units ({ $count }): { $items }
roster-preview-renamed-units = Units renamed ({ $count }): { $items }
roster-preview-rename = { $code }: "{ $from }" → "{ $to }"
roster-preview-unit-conflicts = One unit code with several names in the file (the first is used) ({ $count }): { $items }
roster-preview-moved = Moving to another unit ({ $count }): { $items }
roster-preview-move = { $name }: { $from } → { $to }
roster-preview-leaving = Not in the file ({ $count }) — if you choose "left", they receive nothing more, are not counted, their invites are revoked, their history is kept: { $items }
roster-preview-unknown-positions = Positions the bot does not know, taken as staff ({ $count }): { $items }. Add a "Vai trò" column if needed.
roster-preview-same-names = Same names with no birth date or code to tell them apart ({ $count }): { $items }. Add a "Ngày sinh" or "Mã cán bộ" column.
roster-preview-skipped = Skipped, not people ({ $count }): { $items }
roster-skipped-row = line { $line } "{ $text }" ({ $kind ->
        [total] a total
        [date] a date line
       *[signature] the signature block
    })
cli-roster-skipped = Skipped line { $line }: "{ $text }" ({ $kind ->
        [total] a total
        [date] a date line
       *[signature] the signature block
    }), not a person
roster-button-import-full = ✅ Import; { $count } left the agency
roster-button-import-keep = Import, keep the other { $count }
cmd-privacy = The personal data the bot keeps about you; ask for a correction (/privacy sửa …) or deletion
privacy-agency-unnamed = the agency
privacy-notice =
    🔒 <b>Before your account is linked</b> (Law on Personal Data Protection 91/2025/QH15, Decree 356/2025/NĐ-CP)
    You are talking to an <b>automated assistant</b> that { $agency } uses for its emulation and commendation work. It keeps: your name, staff code, position and unit (from the office's roster); your chat account (its id and display name); your title registrations, initiatives, approvals, awards and a log of what you did.
    Purpose: so you can register and follow your titles, your leaders can approve them, and you are reminded and told the results. Inside the agency only those responsible (your unit head, the agency's leadership, the secretariat and the council) see it, within their remit. The agency passes it to no one else, but every message between you and the bot travels through the chat platform's servers (Telegram or Zalo), under that platform's terms. It is kept while you work here and as long as commendation records must be kept.
    Your rights (Law 91/2025/QH15 Art. 4): to know; to consent or not; to withdraw consent; to see your data and get a copy; to have it corrected or deleted; to restrict its processing; to object to it; to complain, denounce, sue and claim damages; to protect yourself. See, copy, correct, delete or withdraw with /privacy; the other requests (restrict, object, complain) go to the office.
    Press <b>"Agree"</b> to link this account to <b>{ $name }</b>.
privacy-button-agree = ✅ Agree
privacy-button-decline = Do not agree
privacy-declined = Not linked: the bot keeps nothing more about you. The invite code still works until it expires, should you change your mind. Questions: ask the office.
privacy-header = <b>The personal data the bot keeps about you</b>
privacy-person = Name: { $name }; staff code: { $code }; position: { $position }; unit: { $unit }; roles: { $roles }
privacy-accounts = Linked chat accounts: { $accounts }
privacy-registrations = Title registrations: { $registrations }
privacy-audit = Log entries about you: { $count }
privacy-consented = You agreed to the personal data notice on { $date }.
privacy-not-consented = You have not confirmed the personal data notice (your account was linked before this step existed).
privacy-open-correction = Waiting: a correction request sent on { $date }.
privacy-open-deletion = Waiting: a deletion request sent on { $date }.
privacy-how = To correct something, send <code>/privacy sửa</code> and what is wrong. To get a copy, have your data deleted or withdraw consent, press a button below. To restrict or object to its processing, or to complain, write to the office. The office handles it and replies to you.
privacy-button-copy = 📄 Get a copy of my data
privacy-copy-caption = 📄 A copy of all the personal data the bot keeps about you (a JSON file), the log of what you did included.
privacy-button-delete = 🗑 Ask for deletion
privacy-delete-confirm = Send the office a request to delete your data? Once handled, your chat accounts are unlinked; commendation records the law requires to be archived are kept.
privacy-button-delete-confirm = Send the deletion request
privacy-correction-usage = Write what must be corrected after the command, e.g. <code>/privacy sửa My name is Nguyễn Thị Hà, not Hoa</code>
privacy-request-recorded = Your request is recorded and the office has been told. You will hear back when it is handled.
privacy-request-to-secretariat-correction =
    🔒 Correction request #{ $id } from <b>{ $name }</b> ({ $unit }): { $text }
    When handled, record it with <code>npm run tdkt -- privacy done { $id } note</code>.
privacy-request-to-secretariat-deletion =
    🔒 Deletion request #{ $id } from <b>{ $name }</b> ({ $unit }).
    When handled, record it with <code>npm run tdkt -- privacy done { $id } note</code>.
cli-privacy-none = No personal-data request is waiting.
cli-privacy-request = #{ $id } { $date } { $kind } — { $name } ({ $code }): { $text }
cli-privacy-kind-correction = correction
cli-privacy-kind-deletion = deletion
cli-privacy-done = Recorded: request #{ $id } is handled.
cli-privacy-not-open = No request #{ $id } is waiting.
audience-reach = Of { $onRoster } people on the roster, { $reached } will receive it; { $unlinked } have not linked an account yet (see /unlinked, print invites with /invite).
reminder-unlinked =
    👥 Your unit still has <b>{ $count }</b> people who have not linked an account and so receive nothing: { $names }.
    Remind them to use the invite code the office handed out (or ask the office for a new one). Send /unlinked for the list.
cmd-invite = Print invites: /invite UNIT_CODE, /invite tất cả or /invite STAFF_CODE… (add «mới» for new codes)
cmd-unlinked = Who has not linked an account yet (by unit)
cmd-status = The channels' health: this month's allowances, who was not reached
cmd-agencies = The member agencies (followed by the province): staff, registrations, proposals, awards, late duties
cmd-cluster = The emulation cluster: its member agencies, cross-inspections, inspection reports
cmd-received = What other agencies sent: proposals, inspection reports, dossier files
cmd-upreport = Reports sent upward: ask the agencies for one, send the agency's, see who has not sent
cmd-agency = The province's administration: add agencies, keep each one's chat channels
agencies-usage = Usage: <code>/agencies</code> (the year under review) or <code>/agencies 2026</code>.
agencies-none = This agency has no member agencies to follow.
agencies-header = <b>Member agencies — { $year }</b> ({ $count }): staff · registered · approved · proposed upward · awarded · late duty shares · reports sent
agencies-line = • { $name } ({ $code }): { $people } · { $registered } · { $approved } · { $proposedUp } · { $awarded } · { $lateDuties } · { $reportsSent }
agency-admin-usage = Usage: <code>/agency</code> (the agencies under the province and the channel settings they keep) · <code>/agency add SGD Department of Education</code> · <code>/agency channel SGD TELEGRAM_BOT_TOKEN value</code> (<code>-</code> removes it).
agency-admin-header = <b>Agencies under the province</b> ({ $count }): AGENCY_ID · channel settings kept
agency-admin-line = • { $name } ({ $code }, no. { $id }): { $channels }
agency-admin-added = Added { $name } ({ $code }), no. { $id }. Run its bot with AGENCY_ID={ $id }; keep its channels with <code>/agency channel { $code } …</code>.
agency-admin-not-member = No agency with code { $code } under the province. See them with <code>/agency</code>.
agency-admin-channel-saved = 🔒 { $name } of { $code } kept, sealed. Delete the message holding the value from this chat; the agency's bot uses the new value when it restarts.
agency-admin-channel-removed = { $name } of { $code } removed.
agency-add-not-province = Only the province (an agency under none) adds agencies.
status-header = 📶 <b>Channels — { $month }</b>
status-no-channels = No channel is configured: the console trial sends no notifications (set TELEGRAM_BOT_TOKEN, ZALO_BOT_TOKEN or ZALO_OA_* — see the README).
status-channel-working = <b>{ $channel }</b>: sending normally
status-channel-stopped = <b>{ $channel }</b>: stopped until the end of the month — { $reason }
status-reach = · { $linked } people linked, { $unreachable } no longer reachable (blocked / unfollowed)
status-quota = · sent { $sent }/{ $limit } messages this month; { $users }/{ $cap } people
status-allowance = · proactive messages sent: { $sent }; allowance beyond 48 hours: { $used } used, { $left }/{ $allowance } left
status-unreached-header = 📵 Not reached this month: { $count } people; { $rerouted } were sent it through another channel.
invite-usage =
    <b>Print invite codes</b>
    <code>/invite UNIT_CODE</code> — everyone in the unit not linked yet; <code>/invite tất cả</code> — the whole agency; <code>/invite STAFF STAFF…</code> — those people. The bot sends an .xlsx list and a .docx page of slips (with QR codes) to cut out. Codes already handed out and still valid are printed again as they are; add <code>mới</code> at the end to void them and issue new ones.
    Units (not linked / staff):
invite-unit-line = • <code>{ $code }</code> { $unit }: { $unlinked } / { $staff }
invite-making = Making the invite codes and slips…
invite-nobody = Nobody needs an invite: everyone in that scope has linked an account.
invite-unknown-unit = No unit has the code { $code }.
invite-sheet-caption = { $count } invite codes ({ $created } new, { $reused } handed out before and still valid, { $revoked } old codes voided); valid until { $date }.
invite-slips-caption = Invite slips to print (A4) and cut out, one per person.
invite-sheet-name = Invites
invite-sheet-title = INVITE CODES TO LINK AN ACCOUNT WITH THE EMULATION AND COMMENDATION ASSISTANT
invite-sheet-slips-title = INVITE SLIPS — cut along the lines, one per person
invite-col-number = No.
invite-col-name = Full name
invite-col-unit = Unit
invite-col-staff-code = Staff code
invite-col-code = Invite code
invite-col-expires = Valid until
invite-col-telegram = Link on Telegram
invite-col-zalo = Link on Zalo
invite-sheet-expires = Valid until the end of { $date }; each code works once.
invite-sheet-telegram-link = Telegram: scan the QR code or open { $link }
invite-sheet-telegram-search = Telegram: open the agency's bot and send /start { $code }
invite-sheet-zalo = Zalo: find "{ $name }" and send the code { $code }
invite-sheet-zalo-unnamed = Zalo: open the agency's bot on Zalo and send the code { $code }
cli-invite-nobody = Nobody needs an invite: everyone in that scope has linked an account.
cli-invite-sheet = { $count } invites ({ $created } new, { $reused } reused, { $revoked } old codes voided) → { $file }
unlinked-none = Everyone in { $unit } has linked an account.
unlinked-agency-header = <b>Not linked yet: { $unlinked } / { $staff } people</b>
unlinked-agency-footer = Send /unlinked UNIT_CODE for the names; /invite UNIT_CODE to print invites.
unlinked-unit-header = <b>{ $unit }: { $unlinked } / { $staff } people not linked yet</b>
unlinked-person = { $name } ({ $position })
unlinked-more = … and { $count } more.
unlinked-unit-footer-secretariat = Print their invites: /invite { $code }
unlinked-unit-footer-head = Each uses the invite code the office handed out; anyone who lost it can ask the office for a new one.
cmd-holidays = Public holidays (reminders skip them); add: /holidays dd/mm/yyyy Name or send a file
cmd-inspectionplan = Import an inspection plan: send the command, then the file (.docx, .md, .txt)
holidays-header = <b>Holidays from { $year }</b> (no reminders are sent on these days):
holidays-name = { $name }
holidays-help = Add days off: send <code>/holidays 16/02/2026 - 22/02/2026 Tết Nguyên đán</code> (one day or range per line), or send a list file (.xlsx, .csv: a date column, then a name column).
holidays-usage = No day could be read. One day or range per line, then its name, e.g. <code>30/04/2026 Reunification Day</code>.
holidays-preview = <b>{ $count }</b> days off will be recorded ({ $rejected } lines could not be read):
holidays-rejected = Line { $line } could not be read: { $text }
holidays-button-save = ✅ Record { $count } days off
holidays-saved = { $count } days off recorded. Reminders falling on them move to the next working day.
inspection-plan-help = Send the inspection plan file (.docx, .md or .txt). The bot reads its year, period, notice period, report period and the units inspected, and shows you before saving.
inspection-plan-preview =
    <b>{ $title }</b> ({ $year })
    Period: months { $from }–{ $to }; notice { $notice } { $noticeUnit } before{ $noticeDefault }; units report { $report } { $reportUnit } before{ $reportDefault }.
    Units inspected ({ $count }): { $units }
inspection-plan-unmatched = ⚠️ Not matched to any unit on the roster: { $phrases }
inspection-plan-button-direct = ✅ Save: direct inspection
inspection-plan-button-self = ✅ Save: units inspect themselves
inspection-plan-saved = Inspection plan { $id } saved: { $title }; { $units } units; notice { $notice } { $noticeUnit }; report { $report } { $reportUnit } before. Schedule each unit with /visit; assign the team with <code>npm run tdkt -- import inspection … --team</code>.
rule-deputy-line = • Deputy heads (when the roster gives positions only): { $role }
rule-deputy-saved = Saved: deputy heads are imported as { $role } (from the next roster import).
plan-due-from-time = from the time column
plan-due-from-text = stated in the task
plan-due-from-prose = stated in the plan's text
plan-due-from-quarter = end of the quarter, by default
plan-due-moved = moved forward from { $day } (a day off)
plan-preview-meetings = <b>Meetings without a date</b> ({ $count }): { $months } — { $title }. Once saved, set their date with /meeting.
plan-preview-registration-deadline = <b>Registration deadline</b> stated in the plan: { $date }. Once saved, launch with: <code>/launch { $date } { $title }</code>
plan-is-inspection-plan = This is an inspection plan, not a task plan: send /inspectionplan, then this file again.
plan-preview-task-external = {"     "}outside the agency: { $bodies }
plan-units-from-table = units from the table
plan-units-from-text = units from the text
plan-units-from-default = given to no one: the office tracks it
plan-units-from-clerk = units corrected
plan-due-from-clerk = corrected
plan-due-from-window = end of the campaign, by default
plan-preview-campaign = 📣 <b>Campaign-launch plan</b>: { $title } ({ $year }); emulation period: { $from } – { $to }.
plan-campaign-title-placeholder = Campaign title
plan-preview-external = 🏛 <b>{ $count } bodies outside the agency</b> (recorded, never reminded): { $bodies }
plan-preview-guess-legend = ❓ = the plan does not say, I guessed: please check.
plan-fix-help = ✏️ To correct before saving, type with the number on the left: «sửa 3 hạn 15/04/{ $year }» · «sửa 3 quý 2» · «sửa 3 chủ trì { $unit }» · «sửa 3 phối hợp Phòng A; Phòng B» · «bỏ 3» · «thêm quý 2 hạn 30/05/{ $year }: Content».
plan-fix-usage = I did not understand the correction. For example: «sửa 3 hạn 15/04/{ $year }», «sửa 3 quý 2», «sửa 3 chủ trì { $unit }», «sửa 3 phối hợp Phòng A; Phòng B», «bỏ 3», «thêm quý 2: Content», «xem quý 2».
plan-fix-date = «{ $text }» is not a date (dd/mm/yyyy).
plan-fix-position = There is no task { $position }: the preview has { $count } tasks (1–{ $count }).
plan-fix-unknown-unit = There is no unit «{ $phrase }» in the roster. Units: { $units }.
plan-fix-done = ✏️ Corrected. The new preview:
plan-fix-no-preview = No plan is waiting to be saved. Send a plan file with /plan.
meetings-undated-line = • { $month }: { $title } — no date yet (the plan gives the month only)
period-days = days
period-working-days = working days
inspection-plan-default =  (default: the plan does not say)
reminder-tasks-due = ⏰ <b>{ $count } tasks coming due</b>:
reminder-tasks-due-line = • { $days } days left ({ $due }): Q{ $quarter }.{ $number } { $content } — { $unit }
tasks-overdue-header = <b>Overdue, not done — { $unit }</b> ({ $count }):
tasks-overdue-none = { $unit } has no overdue task.
tasks-note-line =    📝 { $note }
tasks-usage = Usage: /tasks (this quarter and overdue work) · /tasks 1–4 or /tasks quý 2 (one quarter) · /tasks quá hạn · /tasks all (secretariat: overview)
visit-heads-told = The unit's heads ({ $count }) have been told.
visit-team-told = The team: { $reached } of { $size } told{ $reached ->
        [0] {" "}(none has linked an account: tell them directly)
       *[other] {""}
    }.
visit-no-team = ⚠️ Inspection { $inspection } has no team yet, so no team was told. Give it one with <code>/team { $inspection } add HEAD_STAFF_CODE STAFF_CODE …</code>.
visit-heads-unreached = ⚠️ No head of the unit has linked an account, so nobody there received the notice: tell the unit directly.
visit-warning-outside-window = ⚠️ This is outside the inspection plan's period (its quarters).
visit-warning-not-working-day = ⚠️ That day is a day off (Sunday, Saturday or a holiday).
visit-scheduled-team = 📋 Inspection team: visit to { $unit } at { $when } ({ $mode }); the unit's report is due by { $report }.
meeting-moved-done = 📅 Meeting { $id } moved to { $when }.
meeting-cancelled-done = Meeting { $id } cancelled; its reminders were withdrawn.
council-told = { $told } council members were told{ $unreached ->
        [0] {""}
       *[other] ; { $unreached } have not linked their account and got nothing
    }.
council-none-told = ⚠️ The council has no members yet, so nobody was told. Add them with <code>/role council add STAFF_CODE …</code>.
meeting-not-found = No upcoming meeting has the number { $id }. See the meeting numbers in /meetings.
meeting-day-off = ⚠️ That day is a day off (Saturday, Sunday or a holiday): check it unless meant.
meeting-announced =
    📅 <b>Emulation and Commendation Council meeting</b>
    Time: { $when }
    Place: { $place }
    Agenda: { $agenda }
meeting-moved =
    📅 <b>The council meeting has moved</b>: { $agenda }
    Old time: { $from }
    New time: { $when }
    Place: { $place }
meeting-cancelled = 📅 The council meeting at { $when } ({ $agenda }) <b>is cancelled</b>.
cmd-submit = Send the report file the plan asks your unit for (mid-year, year-end…)
cmd-reports = The reports the plan asks units for: who has sent, who has not; every file at once; remind the rest
task-report-none = Your unit has no report waiting to be sent.
task-report-choose = Your unit has { $count } reports waiting. Choose the one to send:
task-report-button-send = 📤 Send { $number }
task-report-send-file = Send the report file for <b>Q{ $quarter }.{ $number }</b> { $content } (due { $due }). Sending another file replaces the first.
task-report-received = 📥 File "{ $file }" received for Q{ $quarter }.{ $number }; your unit's part is done. The office sees it in /reports.
task-report-reminder = ⏰ Your unit has not sent the report <b>Q{ $quarter }.{ $number }</b> { $content }. Send /submit to send the file.
task-reports-none = The { $year } plan asks units for no report.
task-reports-header = <b>Reports units send under the { $year } plan</b>
task-reports-line = • { $number } { $content }: <b>{ $sent }/{ $units }</b> sent; not sent: { $missing }
task-reports-button-archive = 📦 Download { $number }
task-reports-button-remind = 🔔 Remind { $number }
task-reports-archive = Every file received ({ $files } files), each named by its unit's code.
task-reports-archive-empty = No unit has sent a file for this report yet.
task-reports-reminded = Reminders queued for { $count } heads of the units that have not sent.
cmd-ballot = The council's secret ballot: /ballot meeting M (one session per title, from meeting M), /ballot new [year] Title, /ballot open N, /ballot close N (the result only after the close)
cmd-vote = Secret ballot: /vote N (the session's number) — the council's, or a unit's review
ballot-usage = Usage: <code>/ballot meeting M [year]</code> (from meeting M of /meetings: one session per title, members get the list first) · <code>/ballot new 2025 Review session 2025</code> (one session for every title) · <code>/ballot open N</code> · <code>/ballot written N STAFF_CODE [positions disagreed]</code> (an absent member's written vote) · <code>/ballot paper N POSITION agree disagree</code> (a paper ballot's count) · <code>/ballot close N</code> · <code>/ballot result N</code> · <code>/ballot minutes N</code> · <code>/ballot decide N NUMBER dd/mm/yyyy Signer</code> · <code>/ballot higher N NUMBER dd/mm/yyyy Authority [| positions…]</code> (the higher level's decision on the proposals) · <code>/ballot dossier N</code> (the dossier of the proposals upward: submission, list, minutes, achievement reports) · <code>/ballot send N</code> (send the proposals and their dossier to the province through the bot)
ballot-default-title = Review ballot { $year }
ballot-created = 🗳 Ballot session { $id } created: { $title } — { $count } candidates (the approved registrations of { $year }). Open it with <code>/ballot open { $id }</code>.
ballot-opened = 🗳 Voting open for session { $id }: { $members } council members have been told. Shares are of all { $members } members. Close with <code>/ballot close { $id }</code>.
ballot-not-draft = Session { $id } is not waiting to be opened.
ballot-not-open = Ballot session { $id } is not open.
ballot-opened-to-member = 🗳 <b>Secret ballot</b> session { $id } is open. Send <code>/vote { $id }</code> to see the list and vote. It is secret: your ballot is sealed and counted, shuffled, only at the close; what is stored shows that you voted, never what you chose. The one exception: whoever holds the server's secret key while the session is open.
ballot-tally-not-yet = Session { $id } is not closed: the result exists only once voting has closed.
ballot-tally-header = <b>Secret ballot result, session { $id }</b>: { $voted }/{ $members } members voted.
ballot-tally-passed = ✅ { $position }. { $label }: { $agree } agree, { $disagree } disagree / { $members } members — passes (needs { $percent ->
        [50] over 50%
       *[other] { $percent }%
    })
ballot-tally-failed = ❌ { $position }. { $label }: { $agree } agree, { $disagree } disagree / { $members } members — does not pass (needs { $percent ->
        [50] over 50%
       *[other] { $percent }%
    })
vote-usage = Send <code>/vote N</code>, N being the session number the secretariat gave.
ballot-view-header = 🗳 <b>{ $title }</b> (session { $id }, { $count } candidates). Everyone is "agree" unless you press to disagree; then "Submit".
ballot-view-line-agree = { $position }. { $label }: agree
ballot-view-line-disagree = { $position }. { $label }: <b>disagree</b>
ballot-button-toggle = Change { $position }
ballot-button-submit = 📨 Submit
ballot-button-change = ✏️ Change my ballot
ballot-cast = 📨 Your ballot is in (disagreeing with { $disagree } candidates). You may change it until voting closes.
ballot-changed = ✏️ Your ballot is changed (disagreeing with { $disagree } candidates).
ballot-already-voted = You have voted in this session; each member has one ballot. To replace it with your current choices, press "Change my ballot".
ballot-not-member = You are not on this session's list of voters.
registration-action-moved = moved to the new unit (transfer)
registration-action-awarded = 🏅 awarded by decision
registration-action-not-awarded = not passed at the council's vote
ballot-decide-usage = Record the decision: <code>/ballot decide N NUMBER dd/mm/yyyy Signer</code>, e.g. <code>/ballot decide 1 12/QĐ-SNgV 05/02/2026 Phạm Thị Anh Thư</code>.
ballot-already-decided = Session { $id } has its decision already.
ballot-decided = 🏅 Decision { $number } recorded for session { $id }: { $awarded } awarded, { $proposed } proposed upward (enter the higher decision with <code>/ballot higher { $id } …</code> when it comes), { $notAwarded } not. { $told }/{ $total } registrants told (those without a linked chat cannot be); the results are in the record for the years ahead.
ballot-decided-leaders = ⚠️ This decision records titles for the agency's leadership: { $names }. The head's own title is usually decided by the higher level under the province's or ministry's rules, and no signer awards himself — check before it is issued, and propose it upward where it belongs there.
award-granted = 🏅 <b>Congratulations!</b> { $label }: awarded by decision no. { $decision }.
award-proposed = 📤 { $label }: the agency's council voted to propose it ({ $agree }/{ $members } members agreed). This title is decided by { $to }: the proposal goes up with its dossier, and you will be told of the decision.
award-not-granted-higher = Result: { $label } is not in Decision { $decision }.
registration-action-proposed-up = 📤 proposed upward by the council:
registration-action-awarded-higher = 🏅 awarded by the higher level under Decision
registration-action-not-awarded-higher = not awarded by the higher level under Decision
ballot-higher-usage = Usage: <code>/ballot higher N NUMBER dd/mm/yyyy Authority</code>, adding <code>| 1 3</code> when the decision names only some candidates (by their place in the session). Example: <code>/ballot higher 5 123/QĐ-UBND 20/03/2027 Chủ tịch UBND tỉnh | 1 3</code>
ballot-higher-recorded = 🏅 Decision { $number } of { $authority } recorded for session { $id }'s proposals: { $awarded } awarded, { $notAwarded } not. { $told }/{ $total } told; the results are in the record.
ballot-higher-none = Session { $id } has no proposal awaiting a higher decision.
ballot-dossier-none = Session { $id } proposed nothing upward: there is no dossier.
ballot-sent-up = 📤 Sent session { $id }'s { $count } proposals with { $files } dossier files to { $to }. When it decides, the results go into the record and each person is told.
ballot-sent-up-already = Session { $id }'s proposals were sent to { $to } before; not sent again.
ballot-no-province = This agency is not attached to a province in the bot, so the dossier cannot go through it. Take it with <code>/ballot dossier { $id }</code> and file it by post; enter the decision with <code>/ballot higher { $id } …</code>.
proposals-received = 📥 { $agency } sent { $count } proposals for { $year } with their dossier. The candidates are on the council's ballot list (<code>/ballot new { $year }</code>); the files: <code>/received { $id }</code>.
cluster-none = This agency is in no emulation cluster. The province's administrator adds it with the <code>cluster member</code> command.
cluster-header = <b>{ $name }</b> ({ $code }) — { $count } agencies:
cluster-member = • { $name } ({ $code })
cluster-member-leader = • { $name } ({ $code }) — leads the cluster this year
cluster-usage = Usage: <code>/cluster</code> (the cluster's agencies) · <code>/cluster visit AGENCY_CODE 15/05/2026 08:30 STAFF_CODE…</code> (a cross-inspection, the team by staff codes) · <code>/cluster report N</code> (send the report for inspection N) · <code>/cluster event 20/02/2026 08:30 Covenant signing</code> (the cluster's leader announces an event).
cluster-visit-not-member = No agency with code { $code } in this agency's clusters. See them with <code>/cluster</code>.
cluster-visit-unknown-team = No staff with code: { $codes }. The team is this agency's staff, by staff code.
cluster-visit-exists = A cross-inspection of { $agency } is already scheduled that day.
cluster-visit-notice-too-short = Only { $days } days left, short of the { $min } days' notice the inspected agency must have. Choose a later day.
cluster-visit-done = 📅 Cross-inspection of { $agency } scheduled at { $when }; the inspected agency's report is due { $report }. Team: { $reached }/{ $size } told; { $agency }'s leadership and office will be told by their own bot within a minute.
cluster-visit-team = 🔎 Cross-inspection team: with { $agency } at { $when }; { $agency } sends its report by { $report }.
cluster-visit-notice =
    🔎 <b>Cross-inspection of emulation and commendation work</b>
    { $agency }'s team ({ $team }) visits this agency at { $when }.
    Send the written report by { $report }: <code>/cluster report { $id }</code>.
cluster-report-send-file = Send the report file for cross-inspection { $id } (PDF, Word or Excel) in this chat.
cluster-visit-unknown = No cross-inspection { $id } was sent to this agency.
cluster-report-sent = 📤 Report { $file } sent to { $to }; its team will be told.
cluster-report-received = 📄 { $agency } sent its report for the cross-inspection at { $when }: { $file }. Get the file: <code>/received { $id }</code>.
cluster-visit-reminder = ⏰ Reminder: the report for { $agency }'s cross-inspection at { $when } is due { $report }: <code>/cluster report { $id }</code>.
cluster-event-not-leader = Only the agency leading the cluster that year announces the cluster's events. See who leads with <code>/cluster</code>.
cluster-event-done = 📅 «{ $title }» at { $when } announced to { $count } agencies of { $cluster }; each one's leadership and office will be told by their own bot and reminded the day before.
cluster-event-notice = 📅 <b>{ $cluster }</b>: { $agency } (leading the cluster) holds «{ $title }» at { $when }.
cluster-event-reminder = ⏰ Reminder: { $cluster } holds «{ $title }» at { $when } (led by { $agency }).
upreport-usage = Usage: <code>/upreport</code> (the reports asked for: who has sent, who has not) · <code>/upreport ask 15/06/2026 Half-year report</code> (asks the member agencies, or the cluster's agencies when this one leads it) · <code>/upreport send N</code> (sends the report request N asks for).
upreport-none = This agency has asked for no report.
upreport-past = { $date } is past. Choose a day ahead.
upreport-nobody = No agency reports to this one: it has no member agencies and does not lead a cluster this year.
upreport-asked-done = 📨 Asked { $count } agencies for a report by { $date }: { $agencies }. See who has sent with <code>/upreport</code>.
upreport-asked = 📨 { $agency } asks for «{ $title }» by { $due }: <code>/upreport send { $id }</code>.
upreport-reminder = ⏰ Reminder: «{ $title }» is due to { $agency } by { $due }: <code>/upreport send { $id }</code>.
upreport-send-file = Send the report file for request { $id } (PDF, Word or Excel) in this chat.
upreport-unknown = No report request { $id } was sent to this agency.
upreport-sent = 📤 Report { $file } sent to { $to }.
upreport-received = 📄 { $agency } sent «{ $title }»: { $file }. Get the file: <code>/received { $id }</code>.
upreport-status = <b>{ $title }</b> — due { $due }: { $sent }/{ $asked } agencies have sent
upreport-status-sent = • ✅ { $agency }: <code>/received { $id }</code>
upreport-status-missing = • ⏳ Not yet: { $agencies }
received-usage = Usage: <code>/received</code> (proposals other agencies sent) · <code>/received N</code> (mail N's files).
received-none = No agency has sent proposals yet.
received-header = <b>Proposals sent by agencies</b> ({ $count }):
received-line = • No. { $id } — { $agency }, { $year }: { $candidates } proposals, { $decided } decided · received { $at }
received-unknown = No mail { $id } was sent to this agency.
received-no-files = Mail { $id } carries no files.
ballot-dossier-header = 📁 The dossier of session { $id }'s proposals: the submission, the list, the council's minutes and { $reports } achievement reports (drafts the bot prepared). Still needed before it goes:
ballot-dossier-missing-report = • { $name }: the achievement report completed, signed and confirmed by the unit's head
ballot-dossier-missing-initiative = • { $name }: the recognition of the initiative cited (not recognised by the initiative council)
award-not-granted = Result: { $label } did not pass the council's vote ({ $agree }/{ $members } members agreed, { $percent ->
        [50] over 50%
       *[other] { $percent ->
        [50] over 50%
       *[other] { $percent }%
    }
    } needed).
ballot-paper-usage = Enter a paper count: <code>/ballot paper N POSITION agree disagree</code>, e.g. <code>/ballot paper 1 2 6 1</code>.
ballot-paper-entered = Paper count entered for candidate { $position } of session { $id }: { $agree } agree, { $disagree } disagree.
ballot-paper-not-found = Session { $id } has no candidate { $position }.
ballot-paper-closed = Session { $id } is closed: nothing more can be entered.
ballot-written-cast = Written vote of { $name } entered for session { $id } (disagreeing with { $disagree } candidates).
ballot-written-already = { $name } has voted in session { $id }: each member has one ballot.
ballot-view-page = Page { $page }/{ $pages }
ballot-view-summary = You disagree with { $count } candidates: { $positions }.
ballot-button-previous = ◀ Previous page
ballot-button-next = Next page ▶
ballot-minutes-caption = Minutes of the secret ballot, session { $id }: the members who voted, each candidate's votes for and against and the outcome.
ballot-results-caption = The results list of session { $id }.

cmd-candidates = A ballot session's candidates with their basis, initiative and the unit's note: /candidates N
cmd-review = Your unit's review (bình xét): record the meeting's outcome per person (or a secret vote of the unit), send the proposals up with the minutes
cmd-initiative = Your initiatives: /initiative Title | Summary (then its file, if any); /initiative to see their outcome
cmd-initiatives = Initiatives waiting for the initiative council: recognise (scope, score) or return
ballot-opened-to-unit = 🗳 <b>Unit review</b>: your unit's secret ballot is open (session { $id }). Send <code>/vote { $id }</code> to see the list and vote. It is secret: your ballot is sealed and counted, shuffled, only at the close; what is stored shows that you voted, never what you chose. The one exception: whoever holds the server's secret key while the session is open.
ballot-no-meeting = There is no meeting { $id } (see the meetings' numbers with /meetings).
ballot-meeting-empty = { $year } has no proposals for the council to vote on yet.
ballot-meeting-created = 🗳 <b>The ballot sessions of meeting { $id }</b> (year { $year }): the council members were sent the lists. The chair opens each title with <code>/ballot open N</code>.
ballot-meeting-line = • Session { $id }: { $title } — { $count } candidates
ballot-units-not-reviewed = ⚠️ { $count } units have not sent their review; their approved registrations are still on the list: { $units }.
ballot-tally-void = ⚠️ The vote is void: fewer than { $percent }% of all members voted. There is no count (the count of a few votes would show who chose what); no candidate passes in this session.
ballot-tally-void-majority = ⚠️ The vote is void: no more than half of all members voted. There is no count (the count of a few votes would show who chose what); no candidate passes in this session.
ballot-paper-too-many = Session { $id } has { $members } voters: { $votes } ballots for one candidate cannot be recorded. Check the agree and disagree counts.
ballot-decide-future = A decision dated { $date } is dated after today: only a signed decision is recorded. Check the date.
withdraw-decided = The council has decided on this registration: it can no longer be withdrawn.
ballot-decide-void = Session { $id } is void because too few members voted: no decision can be made on it. Create a new session for its candidates.
ballot-agenda-header = 📋 <b>Emulation and Commendation Council meeting</b> { $when }, at { $place }: the { $year } review. Each title's candidates (see them with <code>/candidates N</code>):
ballot-agenda-line = • Session { $id }: { $title } — { $count } candidates
candidates-usage = Send <code>/candidates N</code> with the number of a council ballot session.
candidates-header = 📋 <b>{ $title }</b> (session { $id }): { $count } candidates
candidates-line = { $position }. { $label } · basis: { $basis }{ $initiative }
candidates-initiative-recognised = {" · "}initiative «{ $title }» recognised ({ $scope })
candidates-initiative-pending = {" · "}initiative «{ $title }» not recognised by the initiative council
review-header = 🗂 <b>Review of { $year } — { $unit }</b>: { $count } approved registrations
review-line-undecided = { $position }. { $name } — { $title }: not reviewed
review-line-proposed = { $position }. { $name } — { $title }: ✅ proposed
review-line-not-proposed = { $position }. { $name } — { $title }: ✗ not proposed
review-button-propose = ✅ { $position }
review-button-not-propose = ✗ { $position }
review-button-vote = 🗳 Secret vote of the unit
review-button-close-vote = 🔒 Close the vote, take its result
review-button-send = 📨 Send to the council
review-button-confirm-send = ✅ Confirm and send
review-empty = The unit has no approved individual registration this year.
review-hint = Record the meeting's outcome for each person (✅ proposed, ✗ not; with a reason: <code>/review no POSITION reason</code>), or let the unit's members vote in secret; then send it to the council.
review-already-sent = The review was sent to the council; it can no longer be changed.
review-usage = Usage: <code>/review [year]</code> · <code>/review yes POSITION [note]</code> · <code>/review no POSITION reason</code>
review-not-yours = This is not your unit's review.
review-vote-not-started = The vote could not be opened: there is one already, or nobody to review.
review-vote-started = 🗳 The unit's secret ballot is open (session { $id }, { $count } people reviewed); the unit's members were told. When everyone has voted, press «Close the vote» in /review.
review-undecided = { $count } people have no outcome yet: record one for everyone before sending.
review-confirm-send = Send the review to the council: { $proposed } proposed, { $notProposed } not. It cannot be changed afterwards; those not proposed will be told. Send?
review-sent = 📨 Review sent: { $proposed } proposed, { $notProposed } not proposed. The council's secretariat was told; the minutes are below.
review-minutes-caption = Minutes of the { $year } review — { $unit }.
review-not-proposed-to-person = The { $year } review at { $unit }: your unit did not propose you to the council (note: { $note }).
review-sent-to-secretariat = 🗂 { $unit } sent its { $year } review: { $proposed } proposed, { $notProposed } not proposed.
registration-action-proposed = proposed to the council by the unit's review
registration-action-not-proposed = not proposed by the unit's review; note:
initiative-scope-co-so = at the agency level
initiative-scope-bo-tinh = at the ministry or provincial level
initiative-scope-toan-quoc = nationally
initiative-usage = Declare an initiative: <code>/initiative Title | Summary of what it does and its effect</code>.
initiative-none = You have declared no initiative. Declare one: <code>/initiative Title | Summary</code>.
initiative-declared = 💡 Initiative { $id } «{ $title }» was sent to the initiative council. If it has a file (its report), send it to the bot within the hour.
initiative-file-received = 📎 File { $file } received for initiative { $id }.
initiative-file-too-late = Initiative { $id } has been reviewed: no file can be added now.
initiative-mine-header = <b>Your initiatives</b>
initiative-mine-submitted = { $id }. { $title }: waiting for the initiative council
initiative-mine-recognised = { $id }. { $title }: ✅ recognised { $scope }, { $score } points
initiative-mine-returned = { $id }. { $title }: returned — { $reason }
initiative-to-council = 💡 A new initiative to review: { $id } «{ $title }». See /initiatives.
initiative-recognised-to-author = ✅ Your initiative «{ $title }» was recognised { $scope } by the initiative council ({ $score } points); it can be the basis of a title registration.
initiative-returned-to-author = Your initiative «{ $title }» was returned by the initiative council: { $reason }. You can correct it and declare it again with /initiative.
initiatives-usage = Review: <code>/initiatives ok N SCORE cơ sở|bộ|tỉnh|toàn quốc</code> (recognise, score 0–100) · <code>/initiatives return N reason</code> (return)
initiatives-none = No initiative is waiting for review.
initiatives-header = 💡 <b>{ $count } initiatives waiting</b>
initiatives-line = { $id }. <b>{ $title }</b> — { $author } ({ $unit }): { $summary }
initiatives-button-file = 📎 File of initiative { $id }
initiatives-no-file = Initiative { $id } has no file.
initiatives-file-caption = Initiative { $id } «{ $title }», sent on { $date }.
initiatives-not-waiting = Initiative { $id } is not waiting for review.
initiatives-recognised = ✅ Initiative { $id } «{ $title }» recognised { $scope }, { $score } points; its author was told.
initiatives-returned = Initiative { $id } «{ $title }» returned; its author was told why.
rule-threshold-line = • Council: { $title } needs { $percent }% of all members to agree — under { $source }
rule-quorum-line = • Council: at least { $percent }% of all members must vote — under { $source }
rule-council-national = The national rule set's council thresholds: { $thresholds }; quorum: { $quorum }.
rule-threshold-saved = Saved: { $title } needs { $percent }% of all council members to agree, under { $source } (for sessions created from now on).
rule-threshold-off = { $title }'s own threshold removed: the national rule set's applies.
rule-quorum-saved = Saved: at least { $percent }% of all council members must vote, under { $source } (for sessions opened from now on).
rule-quorum-off = The quorum rule was removed.
rule-unitvote-line = • Unit reviews: { $percent }% of the unit's members must agree — under { $source }
rule-unitvote-saved = Saved: a unit's review needs { $percent }% of its members to agree, under { $source } (from the next vote).
rule-unitvote-off = The agency's own share is lifted: a unit's review needs more than half of its members.
candidates-note = {" · "}unit: { $note }
review-note = {" "}({ $note })

## Delivery: what each channel could not do
channel-telegram = Telegram
channel-zalo = Zalo Bot
channel-zalo_oa = Zalo OA
channel-console = Console
delivery-reason-quota = Zalo reported the month's message quota spent
delivery-reason-allowance = the month's proactive allowance is spent
delivery-reason-window = more than 7 days since the person last wrote to the OA
delivery-reason-unfollowed = the person unfollowed the OA
delivery-reason-blocked = the person blocked the bot
delivery-channel-stopped = ⚠️ The { $channel } channel stops sending until the end of { $month }: { $reason }. Messages go through each person's other channel.
delivery-unreached-header = 📵 { $count } people did not get a notification: no channel could reach them:
delivery-unreached-line = • { $name } ({ $unit }) — { $channel }: { $reason }
delivery-unreached-more = … and { $count } more (see /status).
delivery-rerouted = ↪ { $count } people were sent it through another of their channels.
delivery-unreached-hint = Ask them to send the bot any message (it reopens the channel) or to link another channel. See the channels with /status.
delivery-quota-warning = ⚠️ The { $channel } channel has sent { $sent }/{ $limit } messages of { $month } (80 %). Once the quota is spent, messages go through each person's other channel; those who have only this one will not get them.
oa-welcome =
    Hello! This is { $agency }'s automated assistant (a chatbot) for emulation and commendation work — its answers are sent by a machine, not by a member of staff.
    To use it, send the invite code the office gave you (8 characters). Before linking, the bot shows you its personal-data notice to agree to: it keeps your Zalo id in this OA, your name, unit and position from the agency's roster, your registrations and what you send it. See, correct or delete your data with /privacy.

## Who may not be proposed (Decree 152/2025 Art. 4; the province's collective criteria)
hold-considering = under consideration for discipline (Decree 152/2025 Art. 4)
hold-investigated = under investigation, inspection or audit for a suspected breach (Decree 152/2025 Art. 4)
hold-disciplined = disciplined ({ $level ->
        [khien-trach] reprimand
        [canh-cao] warning
        [giang-chuc] demotion
        [cach-chuc] dismissal from post
       *[other] dismissal
    }) in { $year }
hold-collective-ldtt = { $ldtt }/{ $members } members ({ $percent }%) are Advanced Workers, at least { $need }% needed — under { $source }
hold-collective-cstdcs = { $count } members are Grassroots Emulation Fighters, at least { $need } needed — under { $source }
hold-collective-discipline = { $count } members disciplined at warning or above this year — under { $source }
ballot-held-header = ⚠️ { $count } candidates are left off the ballot: they may not be proposed:
ballot-held-line = • { $who } — { $title }: { $reason }
discipline-usage = Usage: <code>/discipline CODE xem-xet</code> (under consideration for discipline) · <code>/discipline CODE dieu-tra</code> (under investigation) · <code>/discipline CODE canh-cao 2026</code> (disciplined that year: khien-trach, canh-cao, giang-chuc, cach-chuc, buoc-thoi-viec) · <code>/discipline CODE off</code>. Such a person is not put on a proposal ballot for that year.
discipline-saved = Recorded: { $name } — { $reason }. They will not be put on a proposal ballot for { $year }.
discipline-cleared = The record on { $name } is cleared.
discipline-unknown = No active staff member has code { $code }.
cmd-discipline = Record who is under consideration for discipline, under investigation or disciplined (not proposed)
