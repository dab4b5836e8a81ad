import { describe, it, expect } from 'vitest';
import { checkUploads } from './files.js';
import { ValidationError } from './errors.js';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe('uploads are typed by content', () => {
  it('accepts real PDF and PNG files', () => {
    expect(
      checkUploads([
        { name: '身份证.pdf', data: pdf },
        { name: 'scan.PNG', data: png },
      ]),
    ).toEqual([{ mime: 'application/pdf' }, { mime: 'image/png' }]);
  });
  it('refuses a file that claims to be a PDF, other types, oversized files and too many files', () => {
    const e = (() => {
      try {
        checkUploads([
          { name: 'fake.pdf', data: Buffer.from('hello') },
          { name: 'run.exe', data: Buffer.from('MZ') },
          { name: 'big.png', data: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]) },
          { name: 'a.pdf', data: pdf },
        ]);
      } catch (x) {
        return x;
      }
    })() as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.fieldErrors.attachments).toBe(
      '最多上传 3 个附件；附件“fake.pdf”的内容不是 PDF 文件；附件“run.exe”的类型不允许，只能上传 PDF、JPG、PNG 或 Word（.docx）文件；附件“big.png”超过 5 MB',
    );
  });
});
