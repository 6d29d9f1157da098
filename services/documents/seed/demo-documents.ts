import { agencyIds } from '../../core/demo/agency-ids';
import { childrenOf } from '../../core/demo/administrative-tree';
import { POST_REFORM_DEPARTMENTS, REFORM_FOCUS_COMMUNES } from '../../core/demo/reform-2025-focus';
import { DocumentType } from '../document/document-type';
import { TransferStatus } from '../exchange/transfer-status';

/**
 * The documents the source articles name, registered under their real numbers and signed
 * with their issuer's organization certificate at 09:00 (Vietnam time) of their issue date.
 * Titles are the articles' words; the content is the article's summary of the document (the
 * full texts are not in the seeds). Resolution 77/2017/NQ-HĐND's date is not given in the
 * source: the demo dates it 08/12/2017.
 */
export interface DemoDocument {
  agencyId: string;
  type: DocumentType;
  normative: boolean;
  issuerAbbreviation: string;
  /** An official letter's drafting unit ("VP" in "1520/UBND-VP"). */
  drafterAbbreviation?: string;
  number: number;
  issueDate: string;
  title: string;
  content: string;
  /** Real transfers made when it was issued, with the status each reached. */
  sentTo: { agencyId: string; status: TransferStatus }[];
}

const districtCommittees = (provinceCode: string) => childrenOf(provinceCode).map((district) => agencyIds.peoplesCommittee(district.code));

export function demoDocuments(): DemoDocument[] {
  return [...preReformDocuments(), ...postReformDocuments()];
}

function preReformDocuments(): DemoDocument[] {
  return [
    {
      agencyId: agencyIds.peoplesCommittee('82'),
      type: DocumentType.REPORT,
      normative: false,
      issuerAbbreviation: 'UBND',
      number: 149,
      issueDate: '2020-08-03',
      title: 'Kết quả thực hiện công tác cải cách hành chính tháng 7 và phương hướng nhiệm vụ tháng 8 năm 2020 trên địa bàn tỉnh Tiền Giang',
      content:
        'BÁO CÁO Kết quả thực hiện công tác cải cách hành chính tháng 7 và phương hướng nhiệm vụ tháng 8 năm 2020.\n' +
        'Tổng số thủ tục hành chính: 2.035 (cấp tỉnh 1.651, cấp huyện 263, cấp xã 121). Dịch vụ công trực tuyến mức độ 3: 1.063; mức độ 4: 916.\n' +
        'Kết quả giải quyết qua dịch vụ bưu chính công ích từ 11/6/2020 đến 10/7/2020: 30.038 hồ sơ.',
      sentTo: [
        { agencyId: agencyIds.department('82', 'noi-vu'), status: TransferStatus.DONE },
        ...districtCommittees('82').slice(0, 3).map((agencyId) => ({ agencyId, status: TransferStatus.ACCEPTED })),
      ],
    },
    {
      agencyId: agencyIds.peoplesCommittee('82'),
      type: DocumentType.PLAN,
      normative: false,
      issuerAbbreviation: 'UBND',
      number: 180,
      issueDate: '2020-07-10',
      title: 'Khắc phục những hạn chế thiếu sót của các tiêu chí chưa đạt điểm chuẩn về chỉ số cải cách hành chính năm 2019 của tỉnh',
      content:
        'KẾ HOẠCH khắc phục những hạn chế thiếu sót của các tiêu chí chưa đạt điểm chuẩn về chỉ số cải cách hành chính (CCHC) trong năm 2019 của tỉnh Tiền Giang.',
      sentTo: districtCommittees('82').map((agencyId, index) => ({ agencyId, status: index % 3 === 0 ? TransferStatus.IN_PROGRESS : TransferStatus.DONE })),
    },
    {
      agencyId: agencyIds.peoplesCommittee('82'),
      type: DocumentType.DECISION,
      normative: true,
      issuerAbbreviation: 'UBND',
      number: 5,
      issueDate: '2020-03-20',
      title: 'Ban hành Quy chế gửi, nhận, quản lý và lưu trữ văn bản điện tử trong các cơ quan nhà nước trên địa bàn tỉnh Tiền Giang',
      content: 'QUYẾT ĐỊNH ban hành Quy chế gửi, nhận, quản lý và lưu trữ văn bản điện tử trong các cơ quan nhà nước trên địa bàn tỉnh Tiền Giang.',
      sentTo: districtCommittees('82').map((agencyId) => ({ agencyId, status: TransferStatus.DONE })),
    },
    {
      agencyId: agencyIds.peoplesCommittee('64'),
      type: DocumentType.DECISION,
      normative: false,
      issuerAbbreviation: 'UBND',
      number: 70,
      issueDate: '2020-02-21',
      title: 'Đề án Thí điểm chuyển giao một số nhiệm vụ dịch vụ hành chính công trên địa bàn tỉnh để Bưu điện thực hiện',
      content:
        'QUYẾT ĐỊNH phê duyệt Đề án Thí điểm chuyển giao một số nhiệm vụ dịch vụ hành chính công trên địa bàn tỉnh Gia Lai để Bưu điện thực hiện.',
      sentTo: [{ agencyId: agencyIds.serviceCenter('64'), status: TransferStatus.DONE }],
    },
    {
      agencyId: agencyIds.peoplesCommittee('64'),
      type: DocumentType.DECISION,
      normative: true,
      issuerAbbreviation: 'UBND',
      number: 22,
      issueDate: '2019-08-05',
      title:
        'Quy định tiêu chí, cách đánh giá, xếp loại trách nhiệm người đứng đầu cơ quan, đơn vị thuộc Ủy ban nhân dân tỉnh và chủ tịch ủy ban nhân dân các huyện, thị xã, thành phố trong thi hành công vụ trên địa bàn tỉnh Gia Lai',
      content:
        'QUYẾT ĐỊNH quy định tiêu chí, cách đánh giá, xếp loại trách nhiệm người đứng đầu cơ quan, đơn vị thuộc Ủy ban nhân dân tỉnh và chủ tịch ủy ban nhân dân các huyện, thị xã, thành phố trong thi hành công vụ trên địa bàn tỉnh Gia Lai.',
      sentTo: districtCommittees('64').map((agencyId) => ({ agencyId, status: TransferStatus.DONE })),
    },
    {
      agencyId: agencyIds.provincialAgency('91', 'hdnd'),
      type: DocumentType.RESOLUTION,
      normative: true,
      issuerAbbreviation: 'HĐND',
      number: 77,
      issueDate: '2017-12-08',
      title: 'Về sắp xếp, tinh giảm người hoạt động không chuyên trách cấp xã, ấp trên địa bàn tỉnh Kiên Giang',
      content:
        'NGHỊ QUYẾT của Hội đồng nhân dân tỉnh Kiên Giang về sắp xếp, tinh giảm người hoạt động không chuyên trách ở cấp xã và ở ấp, khu phố.',
      sentTo: [agencyIds.peoplesCommittee('91'), ...districtCommittees('91')].map((agencyId) => ({ agencyId, status: TransferStatus.DONE })),
    },
  ];
}

const communeCommittees = (provinceId: keyof typeof REFORM_FOCUS_COMMUNES) => REFORM_FOCUS_COMMUNES[provinceId].map((id) => agencyIds.peoplesCommittee(id));

/**
 * After 1 July 2025: documents exchanged between the agencies of the merged provinces,
 * numbered per Decree 30/2020/NĐ-CP in each issuer's 2025 series (the new People's Committees
 * number from 01 on 1 July). The catalogue decisions are the ones the procedures demo cites
 * (12 and 13/QĐ-UBND of Quảng Ngãi, 08/QĐ-UBND of An Giang), and Plan 45/KH-UBND is Quảng
 * Ngãi's 2025 inspection plan in the inspections demo.
 */
function postReformDocuments(): DemoDocument[] {
  const quangNgai = agencyIds.peoplesCommittee('51@2025');
  const anGiang = agencyIds.peoplesCommittee('91@2025');
  const done = (agencyId: string) => ({ agencyId, status: TransferStatus.DONE });
  return [
    {
      agencyId: quangNgai,
      type: DocumentType.DECISION,
      normative: false,
      issuerAbbreviation: 'UBND',
      number: 12,
      issueDate: '2025-07-01',
      title: 'Công bố Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Quảng Ngãi',
      content: 'QUYẾT ĐỊNH công bố Danh mục thủ tục hành chính cấp tỉnh áp dụng trên địa bàn tỉnh Quảng Ngãi (sau sắp xếp) từ ngày 01/7/2025.',
      sentTo: [done(agencyIds.serviceCenter('51@2025')), ...POST_REFORM_DEPARTMENTS.slice(0, 4).map((department) => done(agencyIds.department('51@2025', department.slug)))],
    },
    {
      agencyId: quangNgai,
      type: DocumentType.DECISION,
      normative: false,
      issuerAbbreviation: 'UBND',
      number: 13,
      issueDate: '2025-07-01',
      title: 'Công bố Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân cấp xã trên địa bàn tỉnh Quảng Ngãi',
      content: 'QUYẾT ĐỊNH công bố Danh mục thủ tục hành chính cấp xã; các thủ tục cấp huyện trước đây chuyển về cấp xã giải quyết từ ngày 01/7/2025.',
      sentTo: communeCommittees('51@2025').map(done),
    },
    {
      agencyId: quangNgai,
      type: DocumentType.PLAN,
      normative: false,
      issuerAbbreviation: 'UBND',
      number: 45,
      issueDate: '2025-08-15',
      title: 'Kiểm tra công tác cải cách hành chính năm 2025 trên địa bàn tỉnh Quảng Ngãi',
      content: 'KẾ HOẠCH kiểm tra công tác cải cách hành chính năm 2025: 03 sở và 03 xã, phường, đặc khu.',
      sentTo: [
        done(agencyIds.department('51@2025', 'noi-vu')),
        ...communeCommittees('51@2025').map((agencyId, index) => ({ agencyId, status: index % 2 === 0 ? TransferStatus.IN_PROGRESS : TransferStatus.ACCEPTED })),
      ],
    },
    {
      agencyId: agencyIds.department('51@2025', 'noi-vu'),
      type: DocumentType.REPORT,
      normative: false,
      issuerAbbreviation: 'SNV',
      number: 112,
      issueDate: '2025-10-06',
      title: 'Kết quả thực hiện công tác cải cách hành chính quý III năm 2025',
      content: 'BÁO CÁO kết quả thực hiện công tác cải cách hành chính quý III năm 2025 của tỉnh Quảng Ngãi sau sắp xếp, tổ chức chính quyền địa phương hai cấp.',
      sentTo: [done(quangNgai)],
    },
    {
      agencyId: anGiang,
      type: DocumentType.DECISION,
      normative: false,
      issuerAbbreviation: 'UBND',
      number: 8,
      issueDate: '2025-07-01',
      title: 'Công bố Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh An Giang',
      content: 'QUYẾT ĐỊNH công bố Danh mục thủ tục hành chính cấp tỉnh áp dụng trên địa bàn tỉnh An Giang (sau sắp xếp) từ ngày 01/7/2025.',
      sentTo: [done(agencyIds.serviceCenter('91@2025'))],
    },
    {
      agencyId: anGiang,
      type: DocumentType.OFFICIAL_LETTER,
      normative: false,
      issuerAbbreviation: 'UBND',
      drafterAbbreviation: 'VP',
      number: 1520,
      issueDate: '2025-09-10',
      title: 'V/v bảo đảm vận hành thông suốt Trung tâm Phục vụ hành chính công cấp xã',
      content: 'CÔNG VĂN đề nghị Ủy ban nhân dân các xã, phường, đặc khu bảo đảm vận hành thông suốt Trung tâm Phục vụ hành chính công cấp xã, báo cáo trước ngày 30/9/2025.',
      sentTo: communeCommittees('91@2025').map((agencyId, index) => ({ agencyId, status: [TransferStatus.DONE, TransferStatus.IN_PROGRESS, TransferStatus.ACCEPTED, TransferStatus.ARRIVED, TransferStatus.DONE][index] })),
    },
    {
      agencyId: agencyIds.peoplesCommittee('30742@2025'),
      type: DocumentType.REPORT,
      normative: false,
      issuerAbbreviation: 'UBND',
      number: 27,
      issueDate: '2025-09-29',
      title: 'Kết quả vận hành Trung tâm Phục vụ hành chính công phường Rạch Giá',
      content: 'BÁO CÁO kết quả vận hành Trung tâm Phục vụ hành chính công phường Rạch Giá từ ngày 01/7/2025 đến ngày 29/9/2025.',
      sentTo: [done(anGiang)],
    },
  ];
}
