import { Field, ObjectType } from 'type-graphql';

/** Lĩnh vực: the subject field a procedure belongs to. */
@ObjectType({ description: 'Lĩnh vực: the field (subject area) of a procedure.' })
export class ProcedureField {
  @Field({ description: 'Stable code, for example "ho-tich".' })
  code!: string;

  @Field({ description: 'Vietnamese name, for example "Hộ tịch".' })
  name!: string;
}

/** The fields the hub knows (a procedure names one of them); a subset of the national list. */
export const PROCEDURE_FIELDS: ProcedureField[] = [
  ['ho-tich', 'Hộ tịch'],
  ['chung-thuc', 'Chứng thực'],
  ['dat-dai', 'Đất đai'],
  ['xay-dung', 'Xây dựng'],
  ['ho-kinh-doanh', 'Thành lập và hoạt động của hộ kinh doanh'],
  ['hop-tac-xa', 'Thành lập và hoạt động của hợp tác xã'],
  ['giao-duc-dao-tao', 'Giáo dục và Đào tạo'],
  ['y-te', 'Y tế'],
  ['van-hoa', 'Văn hóa'],
  ['the-duc-the-thao', 'Thể dục thể thao'],
  ['du-lich', 'Du lịch'],
  ['gia-dinh', 'Gia đình'],
  ['thong-tin-truyen-thong', 'Thông tin và Truyền thông'],
  ['lao-dong', 'Lao động, tiền lương'],
  ['nguoi-co-cong', 'Người có công'],
  ['bao-tro-xa-hoi', 'Bảo trợ xã hội'],
  ['tre-em', 'Trẻ em'],
  ['phong-chong-te-nan', 'Phòng, chống tệ nạn xã hội'],
  ['tai-nguyen-nuoc', 'Tài nguyên nước'],
  ['moi-truong', 'Môi trường'],
  ['khoang-san', 'Khoáng sản'],
  ['nong-nghiep', 'Nông nghiệp'],
  ['lam-nghiep', 'Lâm nghiệp'],
  ['thuy-loi', 'Thủy lợi'],
  ['thuy-san', 'Thủy sản'],
  ['thu-y', 'Thú y'],
  ['bao-ve-thuc-vat', 'Bảo vệ thực vật'],
  ['phat-trien-nong-thon', 'Kinh tế hợp tác và phát triển nông thôn'],
  ['giao-thong', 'Đường bộ'],
  ['duong-thuy', 'Đường thủy nội địa'],
  ['luu-thong-hang-hoa', 'Lưu thông hàng hóa trong nước'],
  ['an-toan-thuc-pham', 'An toàn thực phẩm'],
  ['dien', 'Điện'],
  ['quy-hoach', 'Quy hoạch xây dựng'],
  ['nha-o', 'Nhà ở'],
  ['tai-chinh', 'Tài chính'],
  ['quan-ly-cong-san', 'Quản lý công sản'],
  ['dau-tu', 'Đầu tư'],
  ['thi-dua-khen-thuong', 'Thi đua, khen thưởng'],
  ['ton-giao', 'Tôn giáo'],
  ['dan-toc', 'Công tác dân tộc'],
  ['to-chuc-bo-may', 'Tổ chức bộ máy'],
  ['cong-chuc', 'Công chức, viên chức'],
  ['hoa-giai', 'Hòa giải ở cơ sở'],
  ['boi-thuong-nha-nuoc', 'Bồi thường nhà nước'],
  ['pho-bien-phap-luat', 'Phổ biến, giáo dục pháp luật'],
  ['tiep-cong-dan', 'Tiếp công dân'],
  ['khieu-nai', 'Giải quyết khiếu nại'],
  ['to-cao', 'Giải quyết tố cáo'],
  ['nuoi-con-nuoi', 'Nuôi con nuôi'],
  ['tro-giup-phap-ly', 'Trợ giúp pháp lý'],
  ['thu-vien', 'Thư viện'],
  ['phat-thanh-truyen-hinh', 'Phát thanh, truyền hình'],
  ['dang-ky-doanh-nghiep', 'Thành lập và hoạt động doanh nghiệp'],
  ['cong-chung', 'Công chứng'],
  ['ly-lich-tu-phap', 'Lý lịch tư pháp'],
  ['xuat-ban', 'Xuất bản, in và phát hành'],
  ['khoa-hoc-cong-nghe', 'Khoa học và công nghệ'],
  ['ngoai-vu', 'Ngoại vụ'],
  ['dang-kiem', 'Đăng kiểm'],
].map(([code, name]) => ({ code, name }));

const BY_CODE = new Map(PROCEDURE_FIELDS.map((field) => [field.code, field]));

export const procedureField = (code: string): ProcedureField | undefined => BY_CODE.get(code);
