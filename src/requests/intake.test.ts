import { describe, it, expect } from 'vitest';
import { missingContents, specificLength, itemsText, type IntakeContents, type MissingKey } from './intake.js';

const complete: IntakeContents = {
  id_number: '11010519491231002X',
  description: '2025年城关镇最低生活保障资金发放名单',
  doc_number: null,
  form: 'electronic',
  delivery: 'email',
  address: null,
  email: 'a@example.com',
};

/** 条例第二十九条第二款: （一）姓名或者名称、身份证明、联系方式；（二）名称、文号或者特征性描述；（三）形式要求，包括获取信息的方式、途径。 */
const cases: [string, Partial<IntakeContents>, MissingKey[]][] = [
  ['complete request (第二十九条 all three items present)', {}, []],
  ['（一）no identity document number', { id_number: '' }, ['identity']],
  ['（一）identity number of blanks only', { id_number: '   ' }, ['identity']],
  ['（二）no description and no 文号', { description: '' }, ['description']],
  ['（二）a 文号 alone identifies the information', { description: '', doc_number: '示政办发〔2025〕3号' }, []],
  ['（二）two characters are too vague', { description: '低保' }, ['description_vague']],
  ['（二）generic words only', { description: '所有相关文件' }, ['description_vague']],
  ['（二）“我要申请公开所有的政府信息”', { description: '我要申请公开所有的政府信息。' }, ['description_vague']],
  ['（二）four specific characters are enough', { description: '低保名单' }, []],
  ['（二）vague words with a 文号 are enough', { description: '相关文件', doc_number: '示政发〔2024〕1号' }, []],
  ['（三）no form', { form: '' }, ['form']],
  ['（三）no way of delivery', { delivery: '' }, ['delivery']],
  ['（三）by post without an address', { delivery: 'mail', address: null }, ['delivery_address']],
  ['（三）by post with an address', { delivery: 'mail', address: '示范县人民路 1 号' }, []],
  ['（三）by e-mail without an e-mail address', { delivery: 'email', email: '' }, ['delivery_email']],
  ['（三）pick-up needs neither', { delivery: 'pickup', email: null }, []],
  [
    'all three items at once',
    { id_number: '', description: '', form: '', delivery: '' },
    ['identity', 'description', 'form', 'delivery'],
  ],
];

describe('missingContents (条例第二十九条第二款 → 补正, 条例第三十条)', () => {
  it.each(cases)('%s', (_name, over, keys) => {
    expect(missingContents({ ...complete, ...over }).map((x) => x.key)).toEqual(keys);
  });

  it('cites the item of 第二十九条第二款 each missing content comes from', () => {
    const items = missingContents({ id_number: '', description: '低保', form: '', delivery: 'mail' });
    expect(items.map((x) => x.basis)).toEqual([
      '条例第二十九条第二款第（一）项',
      '条例第二十九条第二款第（二）项',
      '条例第二十九条第二款第（三）项',
      '条例第二十九条第二款第（三）项',
    ]);
    expect(itemsText(items.slice(0, 2))).toBe(
      '1．申请人的身份证明（证件号码）；2．所需政府信息的描述不明确，请写明信息的名称、文号，或者制作机关、时间、事项等便于查询的特征性描述',
    );
  });

  it('counts specific characters without generic words and punctuation', () => {
    expect(specificLength('城关镇，低保名单！')).toBe(7);
    expect(specificLength('政府信息公开')).toBe(0);
  });
});
