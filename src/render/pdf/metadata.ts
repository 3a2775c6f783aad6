/** XMP additions pdfkit leaves out: PDF/UA identification (declared for PDF/A), xmp:ModifyDate, escaped text. */

const PDFUA_ID = `<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
  <pdfuaid:part>1</pdfuaid:part>
</rdf:Description>`;

// PDF/A allows in XMP only the schemas ISO 19005 predefines, and pdfuaid is not one: it must be declared.
const PDFUA_EXTENSION_SCHEMA = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas>
    <rdf:Bag>
      <rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
        <pdfaSchema:property>
          <rdf:Seq>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>part</pdfaProperty:name>
              <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
              <pdfaProperty:category>internal</pdfaProperty:category>
              <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
            </rdf:li>
          </rdf:Seq>
        </pdfaSchema:property>
      </rdf:li>
    </rdf:Bag>
  </pdfaExtension:schemas>
</rdf:Description>`;

/**
 * Complete the document's XMP: PDF/UA-1 identification (with its schema declared when the file is PDF/A), and
 * xmp:ModifyDate matching the info dictionary's ModDate, which PDF/A requires to agree.
 */
export function completeXmp(pdf: PDFKit.PDFDocument, modified: Date, pdfa: boolean): void {
  pdf.appendXML(PDFUA_ID);
  if (pdfa) pdf.appendXML(PDFUA_EXTENSION_SCHEMA);
  pdf.appendXML(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
  <xmp:ModifyDate>${modified.toISOString().split('.')[0]}Z</xmp:ModifyDate>
</rdf:Description>`);
}

/**
 * An info value for pdfkit's `info` option that also reads well in XMP. pdfkit writes the info dictionary from the
 * string's value and copies the title, author, subject and keywords into XMP by string interpolation, unescaped, so
 * "Peace & Security" would make the packet malformed XML: interpolated, this string gives its XML-escaped form, while
 * the info dictionary keeps the text as written (test/a11y/pdfa.test.ts checks both).
 */
export function infoText(text: string): string {
  const escaped = escapeXml(text);
  const value = new String(text);
  Object.defineProperty(value, 'toString', { value: () => escaped });
  // pdfkit's typings take a string; a String object is what pdfkit itself turns info strings into before writing.
  return value as unknown as string;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
