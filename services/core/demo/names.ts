/** Deterministic Vietnamese personal names for demo officials and applicants. */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Quốc', 'Hữu', 'Ngọc', 'Đức', 'Thu', 'Hoài'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phong', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trung', 'Tuấn', 'Vinh'];

export function demoPersonName(seed: number): string {
  const n = Math.abs(seed);
  return `${FAMILY[n % FAMILY.length]} ${MIDDLE[Math.floor(n / 7) % MIDDLE.length]} ${GIVEN[Math.floor(n / 13) % GIVEN.length]}`;
}

/** A stable number from a string, to pick names and phone numbers for an id. */
export function hashSeed(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}
