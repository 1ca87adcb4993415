import { deflateSync } from 'node:zlib';

/**
 * A minimal PDF writer for tests: real PDF 1.4 syntax (objects, xref table, trailer) that pdf.js
 * parses, with text pages, an outline and metadata, plus the knobs hostile inputs need (an
 * encryption dictionary, a JavaScript open action, deep nesting, a compressed bomb, a huge page
 * count). Written by hand because no registry library writes broken or hostile files on purpose.
 */
export interface PdfPageSpec {
  /** Lines of text, drawn top to bottom in Helvetica. */
  lines: string[];
}

export interface PdfOutlineSpec {
  title: string;
  /** 1-based page the bookmark opens. */
  page: number;
  children?: PdfOutlineSpec[];
}

export interface PdfSpec {
  title?: string;
  pages: PdfPageSpec[];
  outline?: PdfOutlineSpec[];
  /** An /OpenAction running JavaScript (pdf.js must not run it). */
  javascript?: string;
  /** An /Encrypt dictionary (standard security handler, user password "secret"). */
  encrypted?: boolean;
  /** Extra raw objects appended to the file: [body] each, numbered after the others. */
  extraObjects?: (first: number) => string[];
  /** A content stream for page 1 that inflates to this many bytes of spaces. */
  bombBytes?: number;
}

const escapeText = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

export function writePdf(spec: PdfSpec): Buffer {
  const objects: (string | Buffer)[] = [];
  const add = (body: string | Buffer) => objects.push(body) && objects.length;
  const catalog = add('');
  const pagesId = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  spec.pages.forEach((page, i) => {
    let stream: Buffer;
    let filter = '';
    if (i === 0 && spec.bombBytes) {
      stream = deflateSync(Buffer.alloc(spec.bombBytes, 0x20), { level: 9 });
      filter = ' /Filter /FlateDecode';
    } else {
      const ops = page.lines.map((line, n) => `BT /F1 12 Tf 72 ${740 - n * 16} Td (${escapeText(line)}) Tj ET`).join('\n');
      stream = Buffer.from(ops, 'latin1');
    }
    const content = add(Buffer.concat([Buffer.from(`<< /Length ${stream.length}${filter} >>\nstream\n`), stream, Buffer.from('\nendstream')]));
    pageIds.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  });
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  let outlineRef = '';
  if (spec.outline?.length) {
    const outlinesId = add('');
    const addItems = (items: PdfOutlineSpec[], parent: number): number[] => {
      const ids = items.map(() => add(''));
      items.forEach((item, i) => {
        const kids = item.children?.length ? addItems(item.children, ids[i]!) : [];
        const links = [
          i > 0 ? `/Prev ${ids[i - 1]} 0 R` : '',
          i < ids.length - 1 ? `/Next ${ids[i + 1]} 0 R` : '',
          kids.length ? `/First ${kids[0]} 0 R /Last ${kids[kids.length - 1]} 0 R /Count ${kids.length}` : '',
        ].join(' ');
        objects[ids[i]! - 1] = `<< /Title (${escapeText(item.title)}) /Parent ${parent} 0 R /Dest [${pageIds[item.page - 1]} 0 R /XYZ 0 792 0] ${links} >>`;
      });
      return ids;
    };
    const top = addItems(spec.outline, outlinesId);
    objects[outlinesId - 1] = `<< /Type /Outlines /First ${top[0]} 0 R /Last ${top[top.length - 1]} 0 R /Count ${top.length} >>`;
    outlineRef = ` /Outlines ${outlinesId} 0 R`;
  }
  let action = '';
  if (spec.javascript) action = ` /OpenAction ${add(`<< /S /JavaScript /JS (${escapeText(spec.javascript)}) >>`)} 0 R`;
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R${outlineRef}${action} >>`;
  const info = spec.title ? add(`<< /Title (${escapeText(spec.title)}) /Producer (pdf-writer test helper) >>`) : 0;
  const encrypt = spec.encrypted
    ? add('<< /Filter /Standard /V 1 /R 2 /O <2055c756c72e1ad702608e8196acad447ad32d17cff583235f6dd15fed7dab67> /U <7150bd1da9d292af3627fca6a8dde1d696e25312041aed09059f9daee04353ae> /P -4 >>')
    : 0;
  for (const body of spec.extraObjects?.(objects.length + 1) ?? []) add(body);

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let size = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(size);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    size += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const id = '<0123456789abcdef0123456789abcdef>';
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''} >>\nstartxref\n${size}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(chunks);
}
