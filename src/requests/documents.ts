/**
 * Letters of a request (答复书, 补正告知书, 延期答复告知书, 征求意见书): a generated draft the handler
 * edits before issuing; an issued letter gets a number and is kept, and downloads as .docx.
 */
import { Document, Packer, Paragraph, TextRun, AlignmentType } from 'docx';
import { OUTCOMES, type Outcome } from './model.js';

export const DOC_KINDS = {
  reply: '政府信息公开申请答复书',
  correction: '政府信息公开申请补正告知书',
  extension: '延期答复告知书',
  consultation: '政府信息公开征求意见书',
  fee: '信息处理费收费通知',
} as const;
export type DocKind = keyof typeof DOC_KINDS;

export interface LetterContext {
  applicant: string;
  unitName: string;
  submittedOn: string;
  receivedOn: string | null;
  description: string;
  outcome?: Outcome | null;
  correctionItems?: string;
  correctionUntil?: string | null;
  extensionDays?: number;
  extensionUntil?: string | null;
  feeAmount?: number | null;
  /** The consultation the 征求意见书 is for (the latest one). */
  consultation?: { partyType: string; partyName: string } | null;
}

const cn = (iso: string | null | undefined) =>
  iso ? `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日` : '____年__月__日';

/** 救济途径: 行政复议法 (60 days) and 行政诉讼法第四十六条 (6 months). */
export const REMEDY =
  '如对本答复不服，可以自收到本答复书之日起六十日内依法申请行政复议，或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。';

const OUTCOME_TEXT: Record<string, string> = {
  granted:
    '经审查，你申请获取的政府信息属于公开范围。根据《中华人民共和国政府信息公开条例》第三十六条第二项的规定，现向你提供该政府信息（见附件）。',
  partial:
    '经审查，你申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，现向你提供可以公开的部分（见附件），对不予公开的部分说明理由如下：________。',
  'denied.stateSecret':
    '经审查，你申请获取的政府信息属于依法确定的国家秘密。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第三项的规定，决定不予公开。',
  'denied.lawProhibited':
    '经审查，你申请获取的政府信息属于法律、行政法规禁止公开的政府信息。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第三项的规定，决定不予公开。',
  'denied.safetyStability':
    '经审查，你申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第三项的规定，决定不予公开。',
  'denied.thirdParty':
    '经审查，你申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第三项的规定，决定不予公开。',
  'denied.internalAffairs':
    '经审查，你申请获取的政府信息属于行政机关的内部事务信息。根据《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第三项的规定，决定不予公开。',
  'denied.processInfo':
    '经审查，你申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的过程性信息。根据《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第三项的规定，决定不予公开。',
  'denied.enforcementFile':
    '经审查，你申请获取的政府信息属于行政执法案卷信息。根据《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第三项的规定，决定不予公开。',
  'denied.adminQuery':
    '经审查，你申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的信息。根据《中华人民共和国政府信息公开条例》第三十六条第七项的规定，请依照有关法律、行政法规的规定办理。',
  'unable.notHeld':
    '经检索，本机关没有你申请公开的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第四项的规定，告知你该政府信息不存在。',
  'unable.needCreate':
    '经审查，你申请获取的信息需要本机关对现有政府信息进行加工、分析。根据《中华人民共和国政府信息公开条例》第三十八条的规定，本机关不予提供。',
  'unable.stillUnclear': '经补正后，你的申请内容仍不明确，本机关无法确定你所需的政府信息，故无法提供。',
  'notProcessed.petition':
    '经审查，你提出的申请实为信访、投诉、举报等事项。根据《中华人民共和国政府信息公开条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理，你可以通过相应渠道提出。',
  'notProcessed.repeat':
    '本机关已就你提出的政府信息公开申请作出答复，你重复申请公开相同政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第六项的规定，告知你不予重复处理。',
  'notProcessed.publication':
    '你申请获取的是政府公报、报刊、书籍等公开出版物。根据《中华人民共和国政府信息公开条例》第三十九条第二款的规定，告知你获取的途径：________。',
  'notProcessed.massRepeat':
    '你申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理。根据《中华人民共和国政府信息公开条例》第三十五条的规定，告知你不予处理。',
  'notProcessed.confirmReissue':
    '你的申请系要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请的范围，本机关不予处理。',
  'other.unpaidFee': '你未在规定期限内按照收费通知缴纳信息处理费，视为放弃申请，本机关不再处理你的政府信息公开申请。',
  'other.other': '________。',
};

/** A draft text for the handler to edit before issuing. */
export function draftLetter(kind: DocKind, c: LetterContext): string {
  const opening = `${c.applicant}：\n你（单位）于${cn(c.submittedOn)}向${c.unitName}提出政府信息公开申请，申请获取“${c.description}”。${c.receivedOn ? `本机关于${cn(c.receivedOn)}收到你的申请。` : ''}`;
  switch (kind) {
    case 'reply': {
      const body = c.outcome ? (OUTCOME_TEXT[c.outcome] ?? '') : '________。';
      return `${opening}\n${body}\n${REMEDY}`;
    }
    case 'correction':
      return `${opening}\n经审查，你的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请你对以下事项作出补正：${c.correctionItems ?? '________'}。\n请于${cn(c.correctionUntil)}前提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`;
    case 'extension':
      return `${opening}\n因________，本机关不能在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${c.extensionDays ?? '__'}个工作日${c.extensionUntil ? `，至${cn(c.extensionUntil)}` : ''}。特此告知。`;
    case 'fee':
      return `${opening}\n你（单位）申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关依法收取信息处理费${c.feeAmount ?? '____'}元。收费依据和标准：________。缴纳方式：________。\n请你自收到本通知次日起20个工作日内缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`;
    case 'consultation':
      if (c.consultation?.partyType === 'other_agency')
        return `${c.consultation.partyName}：\n本机关收到政府信息公开申请，申请获取“${c.description}”。该信息由本机关与你机关共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求你机关的意见，请自收到本征求意见书之日起15个工作日内提出意见，逾期未提出意见的视为同意公开。`;
      return `${c.consultation?.partyName ?? '________（第三方）'}：\n本机关收到政府信息公开申请，申请获取“${c.description}”。该信息公开可能损害你（单位）的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求你（单位）的意见，请自收到本征求意见书之日起15个工作日内提出书面意见。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。`;
  }
}

/** Render an issued letter as a printable .docx (A4, 仿宋 body, signed and dated). */
export async function letterDocx(
  kind: DocKind,
  number: string,
  body: string,
  unitName: string,
  issuedOn: string,
): Promise<Buffer> {
  const p = (
    text: string,
    opts: {
      bold?: boolean;
      size?: number;
      align?: (typeof AlignmentType)[keyof typeof AlignmentType];
      indent?: boolean;
      font?: string;
    } = {},
  ) =>
    new Paragraph({
      alignment: opts.align,
      indent: opts.indent ? { firstLine: 640 } : undefined,
      spacing: { line: 560 },
      children: [
        new TextRun({
          text,
          bold: opts.bold,
          size: opts.size ?? 32,
          font: { eastAsia: opts.font ?? '仿宋_GB2312', ascii: 'Times New Roman' },
        }),
      ],
    });
  const lines = body.split('\n');
  const doc = new Document({
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, // GB/T 9704 margins
        children: [
          p(DOC_KINDS[kind], { size: 44, align: AlignmentType.CENTER, font: '方正小标宋简体' }),
          p(number, { align: AlignmentType.CENTER }),
          p(lines[0] ?? ''),
          ...lines.slice(1).map((l) => p(l, { indent: true })),
          p(''),
          p(unitName, { align: AlignmentType.RIGHT }),
          p(`${Number(issuedOn.slice(0, 4))}年${Number(issuedOn.slice(5, 7))}月${Number(issuedOn.slice(8, 10))}日`, {
            align: AlignmentType.RIGHT,
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export { OUTCOMES };

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** The same letter as printable HTML (for PDF): GB/T 9704-like margins, 仿宋 body, 小标宋 title. */
export function letterHtml(kind: DocKind, number: string, body: string, unitName: string, issuedOn: string): string {
  const lines = body.split('\n');
  const date = `${Number(issuedOn.slice(0, 4))}年${Number(issuedOn.slice(5, 7))}月${Number(issuedOn.slice(8, 10))}日`;
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(DOC_KINDS[kind])}</title><style>
body{font-family:"FangSong","仿宋_GB2312","Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:16pt;line-height:28pt;margin:0}
h1{font-family:"方正小标宋简体","Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:22pt;text-align:center;font-weight:normal;margin:0 0 12pt}
.no{text-align:center;margin-bottom:18pt}p{margin:0;text-indent:2em}p.first{text-indent:0}.sign{text-align:right;margin-top:24pt;text-indent:0}
</style></head><body><h1>${esc(DOC_KINDS[kind])}</h1><div class="no">${esc(number)}</div>${lines.map((l, i) => `<p${i === 0 ? ' class="first"' : ''}>${esc(l)}</p>`).join('')}<p class="sign">${esc(unitName)}</p><p class="sign" style="margin-top:0">${date}</p></body></html>`;
}
