/**
 * Ids of the demo agencies and officials. They are derived, not random, so every subgraph's
 * demo seed can refer to the same agency (`91.ubnd`) without reading the institutions tables.
 */
export const agencyIds = {
  peoplesCommittee: (unitCode: string) => `${unitCode}.ubnd`,
  serviceCenter: (provinceCode: string) => `${provinceCode}.ttphvhcc`,
  oneStopDesk: (unitCode: string) => `${unitCode}.motcua`,
  department: (provinceCode: string, slug: string) => `${provinceCode}.so-${slug}`,
  division: (districtCode: string, slug: string) => `${districtCode}.phong-${slug}`,
};

export const officialId = (agencyId: string, seat: number) => `${agencyId}.cb${seat}`;

/** Provincial departments (sở, ban, ngành) the demo gives each focus province. */
export const PROVINCIAL_DEPARTMENTS: { slug: string; name: string }[] = [
  { slug: 'noi-vu', name: 'Sở Nội vụ' },
  { slug: 'tu-phap', name: 'Sở Tư pháp' },
  { slug: 'ke-hoach-dau-tu', name: 'Sở Kế hoạch và Đầu tư' },
  { slug: 'tai-chinh', name: 'Sở Tài chính' },
  { slug: 'cong-thuong', name: 'Sở Công Thương' },
  { slug: 'nong-nghiep', name: 'Sở Nông nghiệp và Phát triển nông thôn' },
  { slug: 'giao-thong', name: 'Sở Giao thông vận tải' },
  { slug: 'xay-dung', name: 'Sở Xây dựng' },
  { slug: 'tai-nguyen-moi-truong', name: 'Sở Tài nguyên và Môi trường' },
  { slug: 'thong-tin-truyen-thong', name: 'Sở Thông tin và Truyền thông' },
  { slug: 'lao-dong', name: 'Sở Lao động - Thương binh và Xã hội' },
  { slug: 'van-hoa', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  { slug: 'khoa-hoc-cong-nghe', name: 'Sở Khoa học và Công nghệ' },
  { slug: 'giao-duc', name: 'Sở Giáo dục và Đào tạo' },
  { slug: 'y-te', name: 'Sở Y tế' },
  { slug: 'ngoai-vu', name: 'Sở Ngoại vụ' },
  { slug: 'thanh-tra', name: 'Thanh tra tỉnh' },
  { slug: 'van-phong-ubnd', name: 'Văn phòng UBND tỉnh' },
  { slug: 'ban-dan-toc', name: 'Ban Dân tộc' },
];

/** Divisions (phòng) of a district People's Committee in the focus provinces. */
export const DISTRICT_DIVISIONS: { slug: string; name: string }[] = [
  { slug: 'noi-vu', name: 'Phòng Nội vụ' },
  { slug: 'tu-phap', name: 'Phòng Tư pháp' },
  { slug: 'tai-chinh-ke-hoach', name: 'Phòng Tài chính - Kế hoạch' },
  { slug: 'tai-nguyen-moi-truong', name: 'Phòng Tài nguyên và Môi trường' },
];
