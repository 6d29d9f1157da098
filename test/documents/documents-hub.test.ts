import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';
import { opensslCmsVerify } from './openssl';

/** Documents as a new user meets them: through the real gateway over HTTP, with real tokens, on both databases. */
describe.each(DATABASES)('documents through the gateway on %s', (kind) => {
  let hub: TestHub;
  // Four subgraphs seed their demo data before the gateway starts: slow on a busy 2-core machine.
  beforeAll(async () => {
    hub = await startTestHub(kind, 'documents');
  }, 300_000);
  afterAll(() => hub?.close());

  it("gives Kiên Giang's 2019 figures in the reporting contract: 371 certificates (172 + 199), 1,464,185 documents exchanged", async () => {
    const result = await hub.query<any>(
      `{ unit(code: "91") { name certificateStats { total organization personal byLevel { level organization personal } }
         documentExchangeStats(from: "2019-01-01", to: "2019-11-30") { total sent received } } }`,
      {},
      await hub.token('91', ['VIEWER']),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.unit.name).toBe('Kiên Giang');
    expect(result.data.unit.certificateStats).toEqual({
      total: 371,
      organization: 172,
      personal: 199,
      byLevel: [
        { level: 'PROVINCE', organization: 62, personal: 152 },
        { level: 'DISTRICT', organization: 15, personal: 47 },
        { level: 'COMMUNE', organization: 95, personal: 0 },
      ],
    });
    expect(result.data.unit.documentExchangeStats.total).toBe(1_464_185);
  });

  it('lets a provincial official register, sign, send to a district and a commune; the commune accepts; the verification is valid with its chain named', async () => {
    const province = await hub.token('91', ['OFFICER']);
    const communeToken = await hub.token('30880', ['OFFICER']);

    const certificates = await hub.query<any>(
      `{ agency(id: "91.ubnd") { name certificates(kind: ORGANIZATION) { edges { node { id serial status holderName } } } } }`,
      {},
      province,
    );
    expect(certificates.errors).toBeUndefined();
    const [certificate] = certificates.data.agency.certificates.edges.map((edge: any) => edge.node);
    expect(certificate).toMatchObject({ status: 'VALID', holderName: 'UBND Tỉnh Kiên Giang' });

    const content = 'KẾ HOẠCH Kiểm tra công tác cải cách hành chính năm 2026 trên địa bàn tỉnh Kiên Giang.';
    const registered = await hub.query<any>(
      `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { id numberAndSymbol issuingAgency { name unit { code } } } }`,
      { input: { agencyId: '91.ubnd', typeAbbreviation: 'KH', issuerAbbreviation: 'UBND', title: 'Kiểm tra cải cách hành chính năm 2026', content } },
      province,
    );
    expect(registered.errors).toBeUndefined();
    const document = registered.data.registerDocument;
    expect(document.numberAndSymbol).toMatch(/^\d{2,}\/KH-UBND$/);
    expect(document.issuingAgency).toEqual({ name: 'UBND Tỉnh Kiên Giang', unit: { code: '91' } });

    const signed = await hub.query<any>(
      `mutation($input: SignDocumentInput!) { signDocument(input: $input) { id signerSubject certificate { serial } } }`,
      { input: { documentId: document.id, certificateId: certificate.id } },
      province,
    );
    expect(signed.errors).toBeUndefined();
    expect(signed.data.signDocument.certificate.serial).toBe(certificate.serial);

    const sent = await hub.query<any>(
      `mutation($input: SendDocumentInput!) { sendDocument(input: $input) { document { id } transfers { totalCount edges { node { id status recipient { id name } } } } } }`,
      { input: { documentId: document.id, recipientAgencyIds: ['905.ubnd', '30880.ubnd'] } },
      province,
    );
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendDocument.transfers.edges.map(({ node: transfer }: any) => [transfer.recipient.id, transfer.status])).toEqual([
      ['905.ubnd', 'ARRIVED'],
      ['30880.ubnd', 'ARRIVED'],
    ]);
    expect(sent.data.sendDocument.document).toEqual({ id: document.id });
    expect(sent.data.sendDocument.transfers.totalCount).toBe(2);

    const inbox = await hub.query<any>(
      `{ agency(id: "30880.ubnd") { name inbox(status: ARRIVED) { edges { node { id senderName document { numberAndSymbol title } } } } } }`,
      {},
      communeToken,
    );
    expect(inbox.errors).toBeUndefined();
    const arrived = inbox.data.agency.inbox.edges.map((edge: any) => edge.node).find((node: any) => node.document.numberAndSymbol === document.numberAndSymbol);
    expect(arrived).toMatchObject({ senderName: 'UBND Tỉnh Kiên Giang', document: { title: 'Kiểm tra cải cách hành chính năm 2026' } });
    const accepted = await hub.query<any>(
      `mutation($input: UpdateTransferStatusInput!) { updateTransferStatus(input: $input) { status statusCode acceptedAt } }`,
      { input: { transferId: arrived.id, status: 'ACCEPTED' } },
      communeToken,
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.updateTransferStatus).toMatchObject({ status: 'ACCEPTED', statusCode: '03' });

    const read = await hub.query<any>(
      `query($id: ID!) { document(id: $id) { numberAndSymbol contentBase64
         transfers { edges { node { status recipient { name } } } }
         verification { verdict reasons signatures { edges { node { verdict chain signature { signaturePem } } } } } }
         certificateAuthority { rootCertificatePem } }`,
      { id: document.id },
      province,
    );
    expect(read.errors).toBeUndefined();
    const verification = read.data.document.verification;
    expect(verification.verdict).toBe('VALID');
    expect(verification.signatures.edges[0].node.chain).toEqual([
      'CN=UBND Tỉnh Kiên Giang, L=Tỉnh Kiên Giang, C=VN',
      'CN=Hub Issuing CA, O=Government Federation Hub, C=VN',
      'CN=Hub Root CA, O=Government Federation Hub, C=VN',
    ]);
    expect(read.data.document.transfers.edges.map((edge: any) => [edge.node.recipient.name, edge.node.status]).sort()).toEqual([
      ['UBND Huyện Châu Thành', 'ARRIVED'],
      ['UBND Thị trấn Minh Lương', 'ACCEPTED'],
    ]);
    // What a user does with the exports: openssl verifies the signature against the hub's root.
    const openssl = opensslCmsVerify({
      signaturePem: verification.signatures.edges[0].node.signature.signaturePem,
      content: Buffer.from(read.data.document.contentBase64, 'base64'),
      rootPem: read.data.certificateAuthority.rootCertificatePem,
    });
    expect(openssl.ok).toBe(true);
    expect(Buffer.from(read.data.document.contentBase64, 'base64').toString('utf8')).toBe(content);

    // A district official sees no document, certificate or transfer of a sibling district.
    const sibling = await hub.token('906', ['OFFICER']);
    const siblingDocument = await hub.query<any>(`query($id: ID!) { document(id: $id) { title } }`, { id: document.id }, sibling);
    expect(siblingDocument.data).toEqual({ document: null });
    expect(errorCodes(siblingDocument)).toEqual(['NOT_FOUND']);
    const siblingTransfer = await hub.query<any>(`query($id: ID!) { documentTransfer(id: $id) { status } }`, { id: sent.data.sendDocument.transfers.edges[0].node.id }, sibling);
    expect(errorCodes(siblingTransfer)).toEqual(['NOT_FOUND']);
    const siblingLists = await hub.query<any>(
      `{ documents(first: 100) { edges { node { id } } } certificates(unitCode: "905") { totalCount } unit(code: "905") { certificateStats { total } } }`,
      {},
      sibling,
    );
    expect(siblingLists.data.documents.edges.map((edge: any) => edge.node.id)).not.toContain(document.id);
    expect(siblingLists.data.certificates.totalCount).toBe(0);
    expect(siblingLists.data.unit.certificateStats).toBeNull();
    expect(errorCodes(siblingLists)).toEqual(['FORBIDDEN']);
  });

  it('gives a principal outside the scope nothing from the new connections: signatures, verified signatures, the transfers of sendDocument (issue 15, item 4)', async () => {
    const province = await hub.token('91', ['OFFICER']);
    const [certificate] = (
      await hub.query<any>(`{ agency(id: "91.ubnd") { certificates(kind: ORGANIZATION) { edges { node { id status } } } } }`, {}, province)
    ).data.agency.certificates.edges.map((edge: any) => edge.node).filter((node: any) => node.status === 'VALID');
    const registered = await hub.query<any>(
      `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`,
      { input: { agencyId: '91.ubnd', typeAbbreviation: 'CV', issuerAbbreviation: 'UBND', title: 'Công văn thử phân trang', content: 'Nội dung công văn.' } },
      province,
    );
    const documentId = registered.data.registerDocument.id;
    for (let index = 0; index < 2; index += 1) {
      const signed = await hub.query<any>(`mutation($input: SignDocumentInput!) { signDocument(input: $input) { id } }`, { input: { documentId, certificateId: certificate.id } }, province);
      expect(signed.errors).toBeUndefined();
    }
    const read = `query($id: ID!) { document(id: $id) { signatures(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
      verification { verdict signatures(first: 1) { totalCount edges { node { verdict signature { id } } } } } } }`;
    // Inside the scope: two signatures, paged one at a time, the verified list in the same order.
    const own = await hub.query<any>(read, { id: documentId }, province);
    expect(own.errors).toBeUndefined();
    expect(own.data.document.signatures).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(own.data.document.verification.signatures.totalCount).toBe(2);
    expect(own.data.document.verification.signatures.edges[0].node.signature.id).toBe(own.data.document.signatures.edges[0].node.id);
    const next = await hub.query<any>(
      `query($id: ID!, $after: String) { document(id: $id) { signatures(first: 1, after: $after) { pageInfo { hasNextPage hasPreviousPage } edges { node { id } } } } }`,
      { id: documentId, after: own.data.document.signatures.pageInfo.endCursor },
      province,
    );
    expect(next.data.document.signatures.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    expect(next.data.document.signatures.edges[0].node.id).not.toBe(own.data.document.signatures.edges[0].node.id);

    // Outside it (Kon Tum, every role): the document, its signatures and their verification are NOT_FOUND, as for an id that names nothing.
    const outsider = await hub.token('62', ['VIEWER', 'OFFICER', 'ADMIN', 'INSPECTOR']);
    const aside = await hub.query<any>(read, { id: documentId }, outsider);
    expect(aside.data).toEqual({ document: null });
    expect(errorCodes(aside)).toEqual(['NOT_FOUND']);
    const listed = await hub.query<any>(`{ documents(first: 100) { edges { node { id signatures { totalCount edges { node { id } } } } } } }`, {}, outsider);
    expect(listed.errors).toBeUndefined();
    expect(listed.data.documents.edges.map((edge: any) => edge.node.id)).not.toContain(documentId);

    // Nor may it send the document: no payload, no transfer, nothing written.
    const send = `mutation($input: SendDocumentInput!) { sendDocument(input: $input) { document { id } transfers { totalCount edges { node { id } } } } }`;
    const refused = await hub.query<any>(send, { input: { documentId, recipientAgencyIds: ['62.ubnd'] } }, outsider);
    expect(refused.data?.sendDocument ?? null).toBeNull();
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(errorCodes(refused)[0]);
    const transfers = await hub.query<any>(`query($id: ID!) { document(id: $id) { transfers { totalCount } } }`, { id: documentId }, province);
    expect(transfers.data.document.transfers.totalCount).toBe(0);

    // The sender pages the transfers it made, in the order it named the recipients.
    const sent = await hub.query<any>(
      `mutation($input: SendDocumentInput!) { sendDocument(input: $input) { transfers(first: 2) { totalCount pageInfo { hasNextPage } edges { node { recipient { id } } } } } }`,
      { input: { documentId, recipientAgencyIds: ['906.ubnd', '905.ubnd', '30880.ubnd'] } },
      province,
    );
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendDocument.transfers).toEqual({
      totalCount: 3,
      pageInfo: { hasNextPage: true },
      edges: [{ node: { recipient: { id: '906.ubnd' } } }, { node: { recipient: { id: '905.ubnd' } } }],
    });
  });

  it("does not let a commune revoke the province's certificate", async () => {
    const admin = await hub.token('91', ['ADMIN']);
    const listed = await hub.query<any>(`{ agency(id: "91.ubnd") { certificates(kind: ORGANIZATION) { edges { node { id } } } } }`, {}, admin);
    const certificateId = listed.data.agency.certificates.edges[0].node.id;
    const revoke = `mutation($id: ID!) { revokeCertificate(input: { certificateId: $id, reason: KEY_COMPROMISE }) { status } }`;
    const byCommune = await hub.query<any>(revoke, { id: certificateId }, await hub.token('30880', ['ADMIN']));
    expect(errorCodes(byCommune)).toEqual(['NOT_FOUND']);
    const still = await hub.query<any>(`query($id: ID!) { certificate(id: $id) { status } }`, { id: certificateId }, admin);
    expect(still.data.certificate.status).toBe('VALID');
  });

  it('refuses documents and certificates without a token', async () => {
    const result = await hub.query<any>(`{ documents { totalCount } }`);
    expect(errorCodes(result)).toContain('UNAUTHENTICATED');
  });
});
