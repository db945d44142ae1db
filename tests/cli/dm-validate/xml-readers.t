# XML 1.0 well-formedness, as every XML reader of the project has it: a malformed message is an
# xml-malformed finding (exit 1) with its line:col.
cmd: dm-validate -q hostile/codec/xml-duplicate-attribute.xml
exit: 1
--- stdout
hostile/codec/xml-duplicate-attribute.xml:12:19: error: attribute 'a' given twice [xml-malformed]
===
cmd: dm-validate -q hostile/codec/xml-ignore-section.xml
exit: 1
--- stdout
hostile/codec/xml-ignore-section.xml:12:5: error: conditional section (<![IGNORE[, <![INCLUDE[) allowed only in a DTD [xml-malformed]
===
cmd: dm-validate -q hostile/codec/xml-cdata-after-root.xml
exit: 1
--- stdout
hostile/codec/xml-cdata-after-root.xml:15:1: error: CDATA section outside the root element [xml-malformed]
===
cmd: dm-validate -q hostile/codec/xml-comment-dashes.xml
exit: 1
--- stdout
hostile/codec/xml-comment-dashes.xml:12:14: error: '--' not allowed inside a comment [xml-malformed]
===
cmd: dm-validate -q hostile/codec/xml-cdata-end-in-text.xml
exit: 1
--- stdout
hostile/codec/xml-cdata-end-in-text.xml:12:35: error: ']]>' not allowed in text (write ]]&gt;) [xml-malformed]
===
cmd: dm-validate -q hostile/codec/xml-declaration-late.xml
exit: 1
--- stdout
hostile/codec/xml-declaration-late.xml:2:1: error: XML declaration allowed only at the very start of the document [xml-malformed]
===
# Markup that only looks like a comment was passed as well-formed before.
cmd: dm-validate -q hostile/codec/xml-not-comment-dash.xml
exit: 1
--- stdout
hostile/codec/xml-not-comment-dash.xml:12:5: error: not a comment: a comment starts with '<!--' [xml-malformed]
===
cmd: dm-validate -q hostile/codec/xml-not-comment-em-dash.xml
exit: 1
--- stdout
hostile/codec/xml-not-comment-em-dash.xml:12:5: error: not a comment: a comment starts with '<!--' [xml-malformed]
