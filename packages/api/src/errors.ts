import type { LocalizedText } from '@antoan/domain';

/**
 * A field-level validation message: `path` is dotted (`answers.I-3-2.value`). `message` is English, as the shared
 * contract has it (a string); `localized` carries it in both languages, as `localized` does for the whole problem,
 * so a page shows it in its own language. Absent where no Vietnamese is written yet.
 */
export interface FieldError {
  path: string;
  message: string;
  localized?: LocalizedText;
}

/** A field error in both languages (`message` is the English). */
export const fieldError = (path: string, text: LocalizedText): FieldError => ({
  path,
  message: text.en,
  localized: text,
});

/**
 * The one error the API raises on purpose. `app.onError` turns it into an RFC 9457 problem response;
 * every other error becomes a generic 500 and is logged.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    /** Short machine name of the problem, the last part of its `type` URI. */
    readonly slug: string,
    readonly title: string,
    readonly detail: LocalizedText,
    readonly extensions: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(detail.en, options);
  }
}

/** 400: the body or query failed its schema. */
export const invalid = (errors: FieldError[], detail?: LocalizedText) =>
  new ApiError(
    400,
    'validation',
    'Invalid request',
    detail ?? {
      vi: 'Yêu cầu không hợp lệ; xem errors để biết trường nào sai.',
      en: 'The request is not valid; see errors for the fields to fix.',
    },
    { errors },
  );

/** 400: the body is not JSON at all. */
export const malformedJson = () =>
  new ApiError(400, 'malformed-json', 'Malformed JSON', {
    vi: 'Nội dung yêu cầu không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  });

/** 401: no token, or a token that is malformed, expired or badly signed. */
export const unauthorized = (en = 'A valid bearer token is required.') =>
  new ApiError(401, 'unauthorized', 'Unauthorized', { vi: 'Cần mã truy cập (bearer token) hợp lệ.', en });

/** 403: the caller's role may never use this route. */
export const forbidden = () =>
  new ApiError(403, 'forbidden', 'Forbidden', {
    vi: 'Vai trò của bạn không được dùng chức năng này.',
    en: 'Your role may not use this route.',
  });

/** What a 404 can be about, in Vietnamese, so the Vietnamese detail has no English word in it. */
const notFoundNames: Record<string, string> = {
  action: 'hành động khắc phục',
  assessment: 'bản tự kiểm tra',
  enterprise: 'doanh nghiệp',
  evidence: 'minh chứng',
  'evidence file': 'tệp minh chứng',
  route: 'đường dẫn này',
  'template version': 'phiên bản bảng kiểm',
  zone: 'khu công nghiệp',
  user: 'người dùng',
  resource: 'tài nguyên',
  inspection: 'cuộc thanh tra',
  accident: 'vụ tai nạn',
  provider: 'tổ chức cung cấp dịch vụ',
  report: 'báo cáo',
};

/**
 * 404: the resource does not exist or is outside the caller's scope (the two look the same). `what` is its English
 * name (`enterprise`, `evidence`); the Vietnamese detail names it in Vietnamese.
 */
export const notFound = (what: string) =>
  new ApiError(404, 'not-found', 'Not found', {
    vi: `Không tìm thấy ${notFoundNames[what] ?? 'dữ liệu này'}.`,
    en: `No such ${what}.`,
  });

/** 409: the request conflicts with what is stored. */
export const conflict = (detail: LocalizedText, extensions: Record<string, unknown> = {}) =>
  new ApiError(409, 'conflict', 'Conflict', detail, extensions);

/** 412: `If-Match` names a version that is no longer current. */
export const preconditionFailed = () =>
  new ApiError(412, 'precondition-failed', 'Precondition failed', {
    vi: 'Dữ liệu đã được thay đổi sau khi bạn đọc; hãy tải lại rồi thử lại.',
    en: 'It changed since you read it; read it again and retry.',
  });

/** 413: the body (or a declared file) is over the limit. */
export const payloadTooLarge = (
  limit: string,
  subject = { vi: 'Nội dung yêu cầu', en: 'The request body' },
) =>
  new ApiError(413, 'payload-too-large', 'Payload too large', {
    vi: `${subject.vi} vượt quá ${limit}.`,
    en: `${subject.en} is larger than ${limit}.`,
  });

/** 415: the body (or a declared file) is not of an accepted type. */
export const unsupportedMediaType = (
  accepted: readonly string[] = ['application/json'],
  subject = 'Content-Type',
) =>
  new ApiError(415, 'unsupported-media-type', 'Unsupported media type', {
    vi: `${subject} phải là ${accepted.join(', ')}.`,
    en: `${subject} must be ${accepted.join(', ')}.`,
  });

/** 503: the database was busy; the client may retry. Nothing was written. */
export const unavailable = () =>
  new ApiError(
    503,
    'unavailable',
    'Service unavailable',
    { vi: 'Hệ thống đang bận, vui lòng thử lại.', en: 'The service is busy; retry shortly.' },
    {},
  );
