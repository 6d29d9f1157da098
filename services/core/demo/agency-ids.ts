/**
 * Ids of the demo agencies and officials. They are derived, not random, so every subgraph's
 * demo seed can refer to the same agency (`91.ubnd`) without reading the institutions tables.
 *
 * Every helper takes a unit **id**, not a code: a code can name two units in turn (`91` was
 * Kiên Giang, then the merged An Giang), ids never do (services/core/demo/reform-2025.ts). So
 * Kiên Giang's People's Committee is `91.ubnd` and the merged An Giang's is `91@2025.ubnd`.
 * Pre-reform units' ids are their codes, so their agency ids are what they always were.
 */
export const agencyIds = {
  peoplesCommittee: (unitId: string) => `${unitId}.ubnd`,
  serviceCenter: (provinceId: string) => `${provinceId}.ttphvhcc`,
  oneStopDesk: (unitId: string) => `${unitId}.motcua`,
  department: (provinceId: string, slug: string) => `${provinceId}.so-${slug}`,
  division: (districtId: string, slug: string) => `${districtId}.phong-${slug}`,
  /** Another provincial agency (ban, ngành, đơn vị): `91.cq-cong-an`. */
  provincialAgency: (provinceId: string, slug: string) => `${provinceId}.cq-${slug}`,
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

/**
 * Kiên Giang's other provincial agencies (ban, ngành, đơn vị trực thuộc UBND tỉnh, cơ quan
 * ngành dọc): with the People's Committee, the service center and the departments above they
 * make the 62 provincial agencies the 2019 report counts as holding an organization digital
 * certificate (seed 000). `seats` is the size of each one's leadership (lãnh đạo), which the
 * report gives personal certificates to: 152 provincial leaders in all.
 */
export const KIEN_GIANG_OTHER_PROVINCIAL_AGENCIES: { slug: string; name: string; seats: 2 | 3 }[] = [
  { slug: 'hdnd', name: 'Hội đồng nhân dân tỉnh Kiên Giang', seats: 3 },
  { slug: 'vp-doan-dbqh-hdnd', name: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh Kiên Giang', seats: 3 },
  { slug: 'ban-qlkkt-phu-quoc', name: 'Ban Quản lý Khu kinh tế Phú Quốc', seats: 3 },
  { slug: 'ban-qlkkt', name: 'Ban Quản lý Khu kinh tế tỉnh Kiên Giang', seats: 3 },
  { slug: 'ban-qlda-dtxd', name: 'Ban Quản lý dự án đầu tư xây dựng tỉnh Kiên Giang', seats: 3 },
  { slug: 'ban-qlda-nong-nghiep', name: 'Ban Quản lý dự án đầu tư xây dựng công trình nông nghiệp và PTNT', seats: 3 },
  { slug: 'ban-qlda-giao-thong', name: 'Ban Quản lý dự án đầu tư xây dựng công trình giao thông', seats: 3 },
  { slug: 'cong-an', name: 'Công an tỉnh Kiên Giang', seats: 3 },
  { slug: 'bo-chi-huy-quan-su', name: 'Bộ Chỉ huy Quân sự tỉnh Kiên Giang', seats: 3 },
  { slug: 'bo-chi-huy-bien-phong', name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kiên Giang', seats: 3 },
  { slug: 'kho-bac', name: 'Kho bạc Nhà nước Kiên Giang', seats: 3 },
  { slug: 'cuc-thue', name: 'Cục Thuế tỉnh Kiên Giang', seats: 3 },
  { slug: 'cuc-hai-quan', name: 'Cục Hải quan tỉnh Kiên Giang', seats: 3 },
  { slug: 'cuc-thong-ke', name: 'Cục Thống kê tỉnh Kiên Giang', seats: 3 },
  { slug: 'bao-hiem-xa-hoi', name: 'Bảo hiểm xã hội tỉnh Kiên Giang', seats: 3 },
  { slug: 'ngan-hang-nha-nuoc', name: 'Ngân hàng Nhà nước Chi nhánh Kiên Giang', seats: 3 },
  { slug: 'cuc-thi-hanh-an', name: 'Cục Thi hành án dân sự tỉnh Kiên Giang', seats: 3 },
  { slug: 'toa-an', name: 'Tòa án nhân dân tỉnh Kiên Giang', seats: 3 },
  { slug: 'vien-kiem-sat', name: 'Viện Kiểm sát nhân dân tỉnh Kiên Giang', seats: 3 },
  { slug: 'cuc-quan-ly-thi-truong', name: 'Cục Quản lý thị trường tỉnh Kiên Giang', seats: 3 },
  { slug: 'dai-phat-thanh-truyen-hinh', name: 'Đài Phát thanh và Truyền hình Kiên Giang', seats: 3 },
  { slug: 'bao-kien-giang', name: 'Báo Kiên Giang', seats: 3 },
  { slug: 'truong-chinh-tri', name: 'Trường Chính trị tỉnh Kiên Giang', seats: 3 },
  { slug: 'truong-cao-dang', name: 'Trường Cao đẳng Kiên Giang', seats: 3 },
  { slug: 'truong-cao-dang-y-te', name: 'Trường Cao đẳng Y tế Kiên Giang', seats: 3 },
  { slug: 'quy-dau-tu-phat-trien', name: 'Quỹ Đầu tư phát triển Kiên Giang', seats: 3 },
  { slug: 'trung-tam-xuc-tien', name: 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch', seats: 3 },
  { slug: 'trung-tam-cntt', name: 'Trung tâm Công nghệ thông tin và Truyền thông', seats: 2 },
  { slug: 'vuon-quoc-gia-phu-quoc', name: 'Vườn quốc gia Phú Quốc', seats: 2 },
  { slug: 'vuon-quoc-gia-u-minh-thuong', name: 'Vườn quốc gia U Minh Thượng', seats: 2 },
  { slug: 'chi-cuc-kiem-lam', name: 'Chi cục Kiểm lâm tỉnh Kiên Giang', seats: 2 },
  { slug: 'chi-cuc-thuy-san', name: 'Chi cục Thủy sản tỉnh Kiên Giang', seats: 2 },
  { slug: 'chi-cuc-tieu-chuan', name: 'Chi cục Tiêu chuẩn Đo lường Chất lượng', seats: 2 },
  { slug: 'chi-cuc-van-thu-luu-tru', name: 'Chi cục Văn thư - Lưu trữ', seats: 2 },
  { slug: 'ban-thi-dua-khen-thuong', name: 'Ban Thi đua - Khen thưởng', seats: 2 },
  { slug: 'ban-ton-giao', name: 'Ban Tôn giáo', seats: 2 },
  { slug: 'lien-minh-hop-tac-xa', name: 'Liên minh Hợp tác xã tỉnh Kiên Giang', seats: 2 },
  { slug: 'trung-tam-tro-giup-phap-ly', name: 'Trung tâm Trợ giúp pháp lý nhà nước', seats: 2 },
  { slug: 'trung-tam-kiem-soat-benh-tat', name: 'Trung tâm Kiểm soát bệnh tật', seats: 2 },
  { slug: 'benh-vien-da-khoa', name: 'Bệnh viện Đa khoa tỉnh Kiên Giang', seats: 2 },
  { slug: 'cang-vu-duong-thuy', name: 'Cảng vụ Đường thủy nội địa Kiên Giang', seats: 2 },
];

/** Kiên Giang's district People's Committees seat this many leaders (47 in all, seed 000); others seat 2. */
export const KIEN_GIANG_DISTRICT_LEADER_SEATS = (districtCode: string) => (districtCode === '899' || districtCode === '911' ? 4 : 3);
