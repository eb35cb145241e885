/**
 * Messages for error and issue codes, in Vietnamese (default) and English. The server and the CLI
 * translate with `translate`; the web app loads the same tables into i18next, so a code reads the same
 * everywhere. Placeholders use i18next's `{{name}}` form.
 */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const vi = {
  'auth.required': 'Cần đăng nhập.',
  'auth.invalid_credentials': 'Email hoặc mật khẩu không đúng.',
  'auth.locked': 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau {{minutes}} phút.',
  'auth.disabled': 'Tài khoản đã bị vô hiệu hóa.',
  'auth.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
  'auth.csrf': 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang.',
  'auth.wrong_password': 'Mật khẩu hiện tại không đúng.',
  'auth.rate_limited': 'Quá nhiều yêu cầu. Thử lại sau ít phút.',
  'validation.failed': 'Dữ liệu không hợp lệ.',
  'request.malformed': 'Yêu cầu không đúng định dạng.',
  'request.too_large': 'Dữ liệu gửi lên quá lớn.',
  'request.unsupported_media_type': 'Kiểu dữ liệu gửi lên không được hỗ trợ.',
  not_found: 'Không tìm thấy.',
  'conflict.duplicate': 'Bản ghi đã tồn tại.',
  'conflict.stale': 'Bản ghi vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.',
  'import.invalid_file': 'Không đọc được tệp: {{reason}}',
  'import.invalid_rows': 'Tệp có {{count}} lỗi; không có dòng nào được nhập.',
  'import.not_utf8':
    'Tệp CSV không ở mã UTF-8. Trong Excel, hãy lưu lại bằng "CSV UTF-8 (Comma delimited) (*.csv)", hoặc nhập tệp .xlsx.',
  'export.products_without_price':
    '{{count}} sản phẩm không có giá năm gốc {{year}}, không tính vào giá trị sản xuất theo giá so sánh: {{codes}}',
  'export.products_without_base':
    '{{count}} sản phẩm không có sản lượng năm gốc {{year}}, không tính vào chỉ số sản xuất: {{codes}}',
  'user.email_taken': 'Email này đã được dùng.',
  'user.enterprise_required': 'Tài khoản doanh nghiệp phải gắn với ít nhất một doanh nghiệp.',
  'user.cannot_disable_self': 'Không thể tự vô hiệu hóa tài khoản của mình.',
  'enterprise.tax_code_taken': 'Mã số thuế {{taxCode}} đã có trong danh bạ.',
  'area.unknown': 'Không có địa bàn mã {{code}}.',
  'area.none': 'Chưa có địa bàn nào: hãy nhập danh mục địa bàn (areas.csv) trước.',
  'area.out_of_scope': 'Địa bàn nằm ngoài phạm vi được giao.',
  'backup.invalid': 'Tệp sao lưu không hợp lệ: {{reason}}',
  'extension.invalid_transition': 'Không thể thực hiện "{{action}}" khi đề án đang ở trạng thái "{{from}}".',
  'extension.document_required': 'Cần tải lên tài liệu loại "{{kind}}" trước khi thực hiện bước này.',
  'extension.note_required': 'Cần ghi lý do cho bước này.',
  'extension.no_cap_rule':
    'Không có quy định mức hỗ trợ nào cho loại "{{supportKind}}" (nguồn {{fundingSource}}) có hiệu lực vào ngày nộp hồ sơ {{date}}.',
  'extension.cap_exceeded':
    'Mức hỗ trợ {{amount}} đồng vượt mức tối đa {{cap}} đồng theo {{document}}, {{article}}: tối đa {{percent}}% chi phí và không quá {{maxAmount}} đồng (quy định có hiệu lực từ {{effectiveFrom}}, áp dụng theo ngày nộp hồ sơ {{date}}).',
  'extension.above_requested': 'Mức phê duyệt {{amount}} đồng lớn hơn mức đề nghị hỗ trợ {{requested}} đồng.',
  'extension.disbursement_exceeds_approved':
    'Giải ngân vượt mức được phê duyệt: chỉ còn {{remaining}} đồng chưa giải ngân.',
  'extension.not_disbursable': 'Chỉ giải ngân khi đề án đã ký hợp đồng hoặc đang thực hiện.',
  'extension.settlement_above_approved':
    'Quyết toán {{amount}} đồng vượt mức được phê duyệt {{approved}} đồng.',
  'extension.settlement_above_disbursed':
    'Quyết toán {{amount}} đồng vượt số đã giải ngân {{disbursed}} đồng.',
  'extension.not_editable': 'Chỉ sửa được hồ sơ ở trạng thái nháp hoặc khi được yêu cầu bổ sung.',
  'extension.call_not_open': 'Đợt xét chọn này không mở nhận hồ sơ.',
  'extension.baseline_frozen': 'Số liệu ban đầu đã được chốt khi phê duyệt, không sửa được.',
  'extension.baseline_required':
    'Cần nhập số liệu ban đầu (công suất, lao động, thu nhập, doanh thu) trước khi phê duyệt.',
  'extension.unknown_activity_group': 'Không có nhóm hoạt động khuyến công mã {{code}}.',
  'extension.document_too_large':
    'Tệp lớn hơn giới hạn {{limitMb}} MB cho mỗi tài liệu; không có gì được lưu.',
  'extension.document_quota_bytes':
    'Tài liệu của doanh nghiệp này đã dùng {{usedMb}} MB trong giới hạn {{limitMb}} MB; tệp này lớn hơn phần còn lại ({{leftMb}} MB), không có gì được lưu.',
  'extension.document_quota_files':
    'Doanh nghiệp này đã có {{limit}} tài liệu, là số tối đa được lưu; không có gì được lưu.',
  'extension.flag.income_below_min_wage':
    'Thu nhập bình quân {{income}} đồng/{{periodVi}} (≈ {{monthly}} đồng/tháng) thấp hơn lương tối thiểu vùng {{region}} là {{minWage}} đồng/tháng ({{document}}).',
  'extension.flag.capacity_multiplier_over_20':
    'Công suất tăng {{multiplier}} lần, quá {{max}} lần: cần kiểm tra lại.',
  'extension.flag.jobs_above_employees':
    'Số việc làm tạo ra ({{jobs}}) lớn hơn tổng số lao động ({{employees}}).',
  'extension.flag.capacity_unit_mismatch':
    'Đơn vị công suất khác với số liệu ban đầu ({{baselineUnit}} ≠ {{unit}}).',
  'server.busy': 'Hệ thống đang bận, vui lòng thử lại sau ít phút.',
  'db.unavailable':
    'Tạm thời không kết nối được cơ sở dữ liệu; thao tác chưa được thực hiện. Vui lòng thử lại sau ít phút.',

  'server.not_ready': 'Hệ thống chưa sẵn sàng ({{reason}}).',
  'server.public_queue_full':
    'Đang có nhiều yêu cầu dữ liệu mở cùng lúc. Vui lòng thử lại sau {{retryAfter}} giây.',
  'statistics.too_many_observations':
    'Kết quả có {{count}} số liệu, vượt giới hạn {{max}} số liệu mỗi yêu cầu khi không đăng nhập. Hãy thu hẹp truy vấn (khoảng thời gian ngắn hơn, ít tần suất, chỉ tiêu, ngành hoặc sản phẩm cụ thể, subAreas=false) hoặc lấy từng trang bằng limit (tối đa {{max}}) và offset.',
  'report.issued': 'Báo cáo đã ban hành, không thể sửa. Hãy tạo bản dự thảo mới.',
  'report.no_data': 'Chưa có số liệu sản xuất công nghiệp kỳ {{period}} của địa bàn {{area}}.',
  'report.chromium_missing':
    'Báo cáo DOCX/PDF cần trình duyệt Chromium tại {{path}} nhưng không có. Cài đặt: apt-get install chromium (hoặc đặt CHROMIUM_PATH). Báo cáo Markdown (md) không cần Chromium.',
  // the buoctien command's usage errors (exit code 2)
  'cli.unknown_option': 'Không có tùy chọn {{option}}{{context}}.{{hint}}',
  'cli.unknown_command': 'Không có lệnh "{{command}}".{{hint}}',
  'cli.unknown_subcommand': 'Lệnh "{{command}}" cần một trong: {{choices}}.',
  'cli.did_you_mean': ' Có phải ý bạn là {{suggestion}}?',
  'cli.for_command': ' cho lệnh "{{command}}"',
  'cli.option_value_missing': 'Tùy chọn {{option}} cần một giá trị.',
  'cli.option_takes_no_value': 'Tùy chọn {{option}} không nhận giá trị.',
  'cli.option_missing': 'Thiếu {{option}}.',
  'cli.invalid_options': 'Tùy chọn không hợp lệ:',
  'cli.argument_missing': 'Thiếu {{argument}}.',
  'cli.invalid_value': 'Giá trị {{option}} không hợp lệ: cần {{expected}}.',
  'cli.no_such_file': 'Không có tệp {{file}}.',
  'cli.binary_needs_out': '--format {{format}} tạo tệp nhị phân: cần --out FILE (không in ra màn hình).',
  'cli.database_not_empty': 'Cơ sở dữ liệu đã có dữ liệu.',
  'cli.usage': 'Cách dùng: {{usage}}',
  'cli.help': 'Xem: buoctien --help',
  'cli.error': 'Lỗi',
  internal: 'Lỗi hệ thống. Mã yêu cầu: {{requestId}}.',
  // field and row issues
  'issue.required': 'Bắt buộc nhập.',
  'issue.invalid_type': 'Giá trị không đúng kiểu.',
  'issue.too_small': 'Quá ngắn hoặc quá nhỏ (tối thiểu {{minimum}}).',
  'issue.too_big': 'Quá dài hoặc quá lớn (tối đa {{maximum}}).',
  'issue.invalid_format': 'Sai định dạng.',
  'issue.invalid_value': 'Giá trị không được chấp nhận.',
  'issue.unrecognized_keys': 'Có trường không được phép: {{keys}}.',
  'issue.invalid': 'Giá trị không hợp lệ.',
  'issue.tax_code': 'Mã số thuế không hợp lệ (10 chữ số đúng chữ số kiểm tra, hoặc 10 chữ số-3 chữ số).',
  'issue.vsic': 'Mã ngành VSIC 2018 không thuộc ngành công nghiệp (B–E) hoặc không có trong danh mục.',
  'issue.email': 'Email không hợp lệ.',
  'issue.password_weak': 'Mật khẩu cần ít nhất 10 ký tự.',
  'issue.date': 'Ngày không hợp lệ (YYYY-MM-DD).',
  'issue.number': 'Không phải số hợp lệ (dùng dấu chấm thập phân, không phân cách hàng nghìn).',
  'number.invalid': '"{{input}}" không phải là số (ví dụ 1.250,5).',
  'number.other_language':
    '"{{input}}" viết theo kiểu tiếng Anh; trong tiếng Việt dấu phẩy là dấu thập phân, dấu chấm tách hàng nghìn. Nếu ý là {{reading}}, hãy gõ {{reading}}.',
  'number.ambiguous': '"{{input}}" có thể là {{whole}} hoặc {{fraction}}: gõ {{plain}} hoặc {{fraction}}.',
  'number.too_precise': 'Tối đa {{decimals}} chữ số sau dấu phẩy.',
  'number.not_whole': 'Số tiền tính bằng đồng, không có phần lẻ.',
  'issue.boolean': 'Phải là true hoặc false.',
  'issue.enum': 'Phải là một trong: {{options}}.',
  'issue.unknown_column': 'Cột không được phép: {{column}}.',
  'issue.missing_column': 'Thiếu cột bắt buộc: {{column}}.',
  'issue.duplicate_key': 'Trùng khóa với dòng {{other}}.',
  'issue.unknown_area': 'Không có địa bàn mã {{code}}.',
  'issue.unknown_parent': 'Không có địa bàn cấp trên mã {{code}}.',
  'issue.out_of_scope': 'Nằm ngoài phạm vi địa bàn được giao.',
  'issue.date_order': 'Ngày kết thúc phải sau ngày bắt đầu.',
  'issue.too_many': 'Còn {{count}} lỗi khác không liệt kê.',
  'period.invalid_transition': 'Không thể chuyển kỳ báo cáo từ trạng thái {{from}} sang {{to}}.',
  'period.reason_required': 'Cần nêu lý do.',
  'issue.period': 'Kỳ báo cáo không hợp lệ (YYYY-MM).',
  'issue.year': 'Năm không hợp lệ.',
  'issue.negative': 'Không được là số âm.',
  'issue.future_period': 'Kỳ {{value}} chưa đến.',
  'issue.unknown_product': 'Không có sản phẩm mã {{code}}.',
  'issue.unknown_enterprise': 'Không có doanh nghiệp mã số thuế {{code}}.',
  'issue.unknown_enterprise_id': 'Không có doanh nghiệp mã định danh {{id}}.',
  'issue.field_count':
    'Dòng có {{got}} cột, dòng tiêu đề có {{expected}}: thừa hay thiếu dấu phẩy? Giá trị có dấu phẩy phải nằm trong ngoặc kép.',
  'issue.csv_syntax': 'Lỗi cú pháp CSV từ dòng này: dấu ngoặc kép không khớp?',
  'issue.tax_code_leading_zero':
    'Mã số thuế {{value}} mất số 0 ở đầu (0{{value}}): Excel bỏ số 0 đầu khi cột để kiểu Số; hãy đặt cột mã số thuế là Văn bản (Text).',
  'issue.unit_mismatch': 'Đơn vị tính phải là {{unit}} (tệp ghi {{value}}).',
  'issue.inconsistent': 'Không khớp với dòng {{other}} của cùng mã.',
  'issue.period_closed': 'Kỳ {{period}} đã khóa sổ: cần nêu lý do để báo cáo.',
  'issue.period_locked': 'Kỳ {{period}} đã {{status}}: không thể sửa số liệu.',
  'issue.warning_needs_comment': 'Số liệu bất thường ({{warnings}}): cần ghi chú giải thích.',
} as const;

export type MessageCode = keyof typeof vi;

const en: Record<MessageCode, string> = {
  'auth.required': 'Please sign in.',
  'auth.invalid_credentials': 'Wrong email or password.',
  'auth.locked':
    'Account temporarily locked after repeated failed sign-ins. Try again in {{minutes}} minutes.',
  'auth.disabled': 'This account is disabled.',
  'auth.forbidden': 'You are not allowed to do this.',
  'auth.csrf': 'Invalid session (missing CSRF token). Reload the page.',
  'auth.wrong_password': 'The current password is wrong.',
  'auth.rate_limited': 'Too many requests. Try again in a few minutes.',
  'validation.failed': 'Invalid data.',
  'request.malformed': 'Malformed request.',
  'request.too_large': 'The request is too large.',
  'request.unsupported_media_type': 'Unsupported content type.',
  not_found: 'Not found.',
  'conflict.duplicate': 'This record already exists.',
  'conflict.stale': 'Someone else changed this record meanwhile. Reload and edit again.',
  'import.invalid_file': 'Cannot read the file: {{reason}}',
  'import.invalid_rows': 'The file has {{count}} errors; nothing was imported.',
  'import.not_utf8':
    'The CSV file is not UTF-8 text. In Excel, save it again as "CSV UTF-8 (Comma delimited) (*.csv)", or import the .xlsx file.',
  'export.products_without_price':
    '{{count}} products have no {{year}} base price and are left out of output at constant prices: {{codes}}',
  'export.products_without_base':
    '{{count}} products have no {{year}} base-year output and are left out of the production index: {{codes}}',
  'user.email_taken': 'This email is already in use.',
  'user.enterprise_required': 'An enterprise account must be bound to at least one enterprise.',
  'user.cannot_disable_self': 'You cannot disable your own account.',
  'enterprise.tax_code_taken': 'Tax code {{taxCode}} is already in the registry.',
  'area.unknown': 'No area with code {{code}}.',
  'area.none': 'No areas yet: import the list of areas (areas.csv) first.',
  'area.out_of_scope': 'This area is outside your assigned scope.',
  'backup.invalid': 'Invalid backup file: {{reason}}',
  'extension.invalid_transition': 'Cannot "{{action}}" a scheme whose status is "{{from}}".',
  'extension.document_required': 'Upload a document of kind "{{kind}}" before this step.',
  'extension.note_required': 'This step needs a reason.',
  'extension.no_cap_rule':
    'No support cap for "{{supportKind}}" ({{fundingSource}} funds) was in force on the application date {{date}}.',
  'extension.cap_exceeded':
    'Support of VND {{amount}} exceeds the cap of VND {{cap}} under {{document}}, {{article}}: at most {{percent}}% of the cost and no more than VND {{maxAmount}} (rule in force from {{effectiveFrom}}, applied as of the application date {{date}}).',
  'extension.above_requested': 'The approved VND {{amount}} is more than the VND {{requested}} requested.',
  'extension.disbursement_exceeds_approved':
    'Disbursement above the approved amount: only VND {{remaining}} remains to disburse.',
  'extension.not_disbursable': 'Money is disbursed only once the scheme is contracted or in progress.',
  'extension.settlement_above_approved':
    'Settlement of VND {{amount}} exceeds the approved VND {{approved}}.',
  'extension.settlement_above_disbursed':
    'Settlement of VND {{amount}} exceeds the VND {{disbursed}} disbursed.',
  'extension.not_editable':
    'An application can be edited only while a draft or when more documents were asked for.',
  'extension.call_not_open': 'This call is not open for applications.',
  'extension.baseline_frozen': 'The baseline was frozen at approval and cannot be changed.',
  'extension.baseline_required':
    'Record the baseline (capacity, employees, income, revenue) before approval.',
  'extension.unknown_activity_group': 'No industrial-extension activity group with code {{code}}.',
  'extension.document_too_large':
    'The file is larger than the limit of {{limitMb}} MB per document; nothing was saved.',
  'extension.document_quota_bytes':
    "This enterprise's documents use {{usedMb}} MB of its {{limitMb}} MB limit; this file is larger than what is left ({{leftMb}} MB), so nothing was saved.",
  'extension.document_quota_files':
    'This enterprise already has {{limit}} documents, the most that are kept; nothing was saved.',
  'extension.flag.income_below_min_wage':
    'Average income of VND {{income}} per {{periodEn}} (≈ VND {{monthly}} a month) is below the region {{region}} minimum wage of VND {{minWage}} a month ({{document}}).',
  'extension.flag.capacity_multiplier_over_20':
    'Capacity grew {{multiplier}}-fold, more than {{max}}-fold: check it.',
  'extension.flag.jobs_above_employees':
    'Jobs created ({{jobs}}) exceed the total employees ({{employees}}).',
  'extension.flag.capacity_unit_mismatch':
    'Capacity unit differs from the baseline ({{baselineUnit}} ≠ {{unit}}).',
  'server.busy': 'The system is busy; please try again in a few minutes.',
  'db.unavailable':
    'The database cannot be reached for the moment; nothing was done. Please try again in a few minutes.',

  'server.not_ready': 'The system is not ready ({{reason}}).',
  'server.public_queue_full':
    'Too many open-data requests at once. Please try again in {{retryAfter}} seconds.',
  'statistics.too_many_observations':
    'The answer has {{count}} observations, more than the {{max}} allowed per request without signing in. Narrow the query (a shorter period, fewer frequencies, named indicators, activities or products, subAreas=false) or fetch it page by page with limit (at most {{max}}) and offset.',
  'report.issued': 'This report has been issued and can no longer be changed. Generate a new draft.',
  'report.no_data': 'No industrial production figures for {{period}} in area {{area}} yet.',
  'report.chromium_missing':
    'DOCX and PDF reports need the Chromium browser at {{path}}, which is missing. Install it: apt-get install chromium (or set CHROMIUM_PATH). Markdown (md) reports need no Chromium.',
  'cli.unknown_option': 'Unknown option {{option}}{{context}}.{{hint}}',
  'cli.unknown_command': 'Unknown command "{{command}}".{{hint}}',
  'cli.unknown_subcommand': '"{{command}}" needs one of: {{choices}}.',
  'cli.did_you_mean': ' Did you mean {{suggestion}}?',
  'cli.for_command': ' for "{{command}}"',
  'cli.option_value_missing': 'Option {{option}} needs a value.',
  'cli.option_takes_no_value': 'Option {{option}} takes no value.',
  'cli.option_missing': 'Missing {{option}}.',
  'cli.invalid_options': 'Invalid options:',
  'cli.argument_missing': 'Missing {{argument}}.',
  'cli.invalid_value': 'Invalid {{option}}: expected {{expected}}.',
  'cli.no_such_file': 'No such file: {{file}}.',
  'cli.binary_needs_out':
    '--format {{format}} makes a binary file: it needs --out FILE (it is not written to the terminal).',
  'cli.database_not_empty': 'The database is not empty.',
  'cli.usage': 'Usage: {{usage}}',
  'cli.help': 'See: buoctien --help',
  'cli.error': 'Error',
  internal: 'System error. Request id: {{requestId}}.',
  'issue.required': 'Required.',
  'issue.invalid_type': 'Wrong type of value.',
  'issue.too_small': 'Too short or too small (minimum {{minimum}}).',
  'issue.too_big': 'Too long or too large (maximum {{maximum}}).',
  'issue.invalid_format': 'Wrong format.',
  'issue.invalid_value': 'Value not accepted.',
  'issue.unrecognized_keys': 'Fields not allowed: {{keys}}.',
  'issue.invalid': 'Invalid value.',
  'issue.tax_code': 'Invalid tax code (10 digits with a valid check digit, or 10 digits-3 digits).',
  'issue.vsic': 'Not a VSIC 2018 industrial class (sections B–E) in the official list.',
  'issue.email': 'Invalid email.',
  'issue.password_weak': 'The password needs at least 10 characters.',
  'issue.date': 'Invalid date (YYYY-MM-DD).',
  'issue.number': 'Not a valid number (use a dot for decimals and no thousands separator).',
  'number.invalid': '"{{input}}" is not a number (e.g. 1,250.5).',
  'number.other_language':
    '"{{input}}" is written the Vietnamese way; in English the dot is the decimal sign and the comma groups thousands. If you mean {{reading}}, type {{reading}}.',
  'number.ambiguous':
    '"{{input}}" could be {{whole}} or {{fraction}} (the comma groups thousands here but is the decimal sign in Vietnamese): type {{plain}} or {{fraction}}.',
  'number.too_precise': 'At most {{decimals}} digits after the decimal point.',
  'number.not_whole': 'Amounts are in whole VND, without a fraction.',
  'issue.boolean': 'Must be true or false.',
  'issue.enum': 'Must be one of: {{options}}.',
  'issue.unknown_column': 'Column not allowed: {{column}}.',
  'issue.missing_column': 'Missing required column: {{column}}.',
  'issue.duplicate_key': 'Same key as row {{other}}.',
  'issue.unknown_area': 'No area with code {{code}}.',
  'issue.unknown_parent': 'No parent area with code {{code}}.',
  'issue.out_of_scope': 'Outside your assigned area.',
  'issue.date_order': 'The end date must be after the start date.',
  'issue.too_many': '{{count}} more errors not listed.',
  'period.invalid_transition': 'A reporting period cannot move from {{from}} to {{to}}.',
  'period.reason_required': 'A reason is required.',
  'issue.period': 'Invalid period (YYYY-MM).',
  'issue.year': 'Invalid year.',
  'issue.negative': 'Must not be negative.',
  'issue.future_period': 'Period {{value}} has not come yet.',
  'issue.unknown_product': 'No product with code {{code}}.',
  'issue.unknown_enterprise': 'No enterprise with tax code {{code}}.',
  'issue.unknown_enterprise_id': 'No enterprise with id {{id}}.',
  'issue.field_count':
    'The row has {{got}} fields and the header {{expected}}: a stray or missing comma? A value with a comma must be in double quotes.',
  'issue.csv_syntax': 'CSV syntax error from this row: unbalanced double quotes?',
  'issue.tax_code_leading_zero':
    'Tax code {{value}} has lost its leading zero (0{{value}}): Excel drops it in a Number column; format the tax-code column as Text.',
  'issue.unit_mismatch': 'The unit must be {{unit}} (the file says {{value}}).',
  'issue.inconsistent': 'Does not match row {{other}} of the same code.',
  'issue.period_closed': 'Period {{period}} is closed: a reason is required to report into it.',
  'issue.period_locked': 'Period {{period}} is {{status}}: its figures cannot be changed.',
  'issue.warning_needs_comment': 'Unusual figure ({{warnings}}): a comment explaining it is required.',
};

export const MESSAGES: Record<Lang, Record<MessageCode, string>> = { vi, en };

export function isMessageCode(code: string): code is MessageCode {
  return code in vi;
}

export function translate(lang: Lang, code: string, params: Record<string, unknown> = {}): string {
  const template = isMessageCode(code) ? MESSAGES[lang][code] : code;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'vi';
  return header.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}
