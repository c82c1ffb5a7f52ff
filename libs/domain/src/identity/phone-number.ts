export type PhoneKind = 'mobile' | 'landline' | 'service';

export type PhoneValidation =
  | { readonly valid: true; readonly kind: PhoneKind; readonly normalised: string }
  | { readonly valid: false; readonly message: string };

/**
 * Contact numbers of applicants (Art. 29 (一)): mainland mobile numbers (optionally +86), landlines
 * with their area code and an optional extension, and 400/800 service numbers.
 */
export function validatePhoneNumber(value: string): PhoneValidation {
  const compact = value.trim().replace(/[\s()（）]/g, '');
  const mobile = /^(?:\+?86-?)?(1[3-9]\d{9})$/.exec(compact);
  if (mobile) return { valid: true, kind: 'mobile', normalised: mobile[1] };
  const landline = /^(?:\+?86-?)?(0\d{2,3})-?([2-9]\d{6,7})(?:(?:-|转|#|ext\.?)(\d{1,6}))?$/i.exec(
    compact,
  );
  if (landline) {
    const [, area, number, extension] = landline;
    return {
      valid: true,
      kind: 'landline',
      normalised: `${area}-${number}${extension ? `-${extension}` : ''}`,
    };
  }
  const service = /^([48]00)-?(\d{3})-?(\d{4})$/.exec(compact);
  if (service)
    return {
      valid: true,
      kind: 'service',
      normalised: `${service[1]}-${service[2]}-${service[3]}`,
    };
  return {
    valid: false,
    message:
      '联系电话格式不正确：手机号为11位（如13800138000），固定电话需带区号（如010-62345678）',
  };
}

export function isValidPhoneNumber(value: string): boolean {
  return validatePhoneNumber(value).valid;
}
