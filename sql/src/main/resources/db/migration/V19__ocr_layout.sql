-- The words Tesseract read on a scanned page and their boxes (OcrLayout.encode(): one word per
-- line with its box in the image's pixels). Kept so a redaction on a scan covers the words, not
-- the whole page, and so the published file's invisible text layer is built from the words left.
-- Never public: like the page's text, it holds whatever the scan shows before review.
alter table document_pages add column ocr_layout text;
