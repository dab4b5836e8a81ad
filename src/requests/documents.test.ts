import { it, expect } from 'vitest';
import JSZip from 'jszip';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { register } from './service.js';
import * as wf from './workflow.js';
import { replyReviewed } from './testing.js';
import { type ValidationError, ConflictError } from '../platform/errors.js';
import { REMEDY, letterHtml } from './documents.js';
import { pdfAvailable } from '../platform/pdf.js';

describeEachDb('request letters', (db) => {
  it('escapes the letter text in its HTML form', () => {
    expect(letterHtml('reply', 'N', '李四：\n<script>alert(1)</script>', '城关镇人民政府', '2025-10-10')).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });

  it('drafts a 部分公开 reply with its legal basis and remedies, refuses blanks, numbers and keeps the issued letter', async () => {
    await seedDemoDb(db());
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
    };
    const h = await actorFor(db(), 'cgz.banli');
    const rec = await register(db(), h, scope, {
      unit_id: String(await unitIdByName(db(), '城关镇人民政府')),
      applicant_type: 'natural',
      name: '李四',
      id_type: 'resident_id',
      id_number: '11010519491231002X',
      phone: '13900000000',
      description: '城关镇2025年临时救助名单',
      form: 'paper',
      delivery: 'pickup',
      channel: 'in_person',
      submitted_on: '2025-09-22',
    });
    await expect(
      wf.issueDocument(db(), h, rec.id, {
        kind: 'reply',
        body: '李四：你于2025年9月22日提出的申请，本机关答复如下：同意公开。',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await replyReviewed(db(), h, await actorFor(db(), 'cgz.shenhe'), rec.id, 'partial', '2025-10-10');
    const draft = await wf.draftDocument(db(), h, rec.id, 'reply');
    expect(draft).toContain('李四：');
    expect(draft).toContain(
      '你（单位）于2025年9月22日向城关镇人民政府提出政府信息公开申请，申请获取“城关镇2025年临时救助名单”。本机关于2025年9月22日收到你的申请。',
    );
    expect(draft).toContain('《中华人民共和国政府信息公开条例》第三十七条');
    expect(draft).toContain(REMEDY);
    const blank = await wf.issueDocument(db(), h, rec.id, { kind: 'reply', body: draft }).catch((x: unknown) => x);
    expect((blank as ValidationError).fieldErrors).toEqual({ body: '文书中还有未填写的“____”，请补全后再出具' });
    const edited = draft.replace('________', '名单中的身份证号码和银行账号属于个人隐私，已作删除处理');
    const d = await wf.issueDocument(db(), h, rec.id, { kind: 'reply', body: edited });
    expect(d.number).toMatch(/^城关镇依申公开〔\d{4}〕1号$/);
    const second = await wf.issueDocument(db(), h, rec.id, {
      kind: 'extension',
      body: (await wf.draftDocument(db(), h, rec.id, 'extension')).replace(/_+/g, '需调取档案'),
    });
    expect(second.number).toMatch(/〔\d{4}〕2号$/);
    const file = await wf.documentFile(db(), h, rec.id, d.id);
    expect(file.filename).toBe(`政府信息公开申请答复书（${d.number}）.docx`);
    const xml = await (await JSZip.loadAsync(file.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain('政府信息公开申请答复书');
    expect(xml).toContain(d.number);
    expect(xml).toContain('名单中的身份证号码和银行账号属于个人隐私');
    expect(xml).toContain('六个月内依法向人民法院提起行政诉讼');
    expect((await wf.listDocuments(db(), h, rec.id)).map((x) => x.kind)).toEqual(['reply', 'extension']);
    if (pdfAvailable()) {
      const pdf = await wf.documentFile(db(), h, rec.id, d.id, 'pdf');
      expect(pdf.filename).toBe(`政府信息公开申请答复书（${d.number}）.pdf`);
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.body.length).toBeGreaterThan(5000); // embedded CJK font glyphs, not empty boxes only
    } else if (process.env.GONGKAI_REQUIRE_BROWSER === '1')
      throw new Error('chromium required for the PDF letter test');
  });
});
