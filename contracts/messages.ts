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
  'user.email_taken': 'Email này đã được dùng.',
  'user.enterprise_required': 'Tài khoản doanh nghiệp phải gắn với ít nhất một doanh nghiệp.',
  'user.cannot_disable_self': 'Không thể tự vô hiệu hóa tài khoản của mình.',
  'enterprise.tax_code_taken': 'Mã số thuế {{taxCode}} đã có trong danh bạ.',
  'area.unknown': 'Không có địa bàn mã {{code}}.',
  'area.out_of_scope': 'Địa bàn nằm ngoài phạm vi được giao.',
  'backup.invalid': 'Tệp sao lưu không hợp lệ: {{reason}}',
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
  'user.email_taken': 'This email is already in use.',
  'user.enterprise_required': 'An enterprise account must be bound to at least one enterprise.',
  'user.cannot_disable_self': 'You cannot disable your own account.',
  'enterprise.tax_code_taken': 'Tax code {{taxCode}} is already in the registry.',
  'area.unknown': 'No area with code {{code}}.',
  'area.out_of_scope': 'This area is outside your assigned scope.',
  'backup.invalid': 'Invalid backup file: {{reason}}',
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
