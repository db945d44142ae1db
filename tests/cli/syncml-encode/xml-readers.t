# XML 1.0 well-formedness, as every XML reader of the project has it: the encoder refuses what
# the XML layer refuses, with the same message and place.
# A duplicate attribute.
cmd: syncml-encode hostile/codec/xml-duplicate-attribute.xml
exit: 3
--- stderr
syncml-encode: hostile/codec/xml-duplicate-attribute.xml:12:19: attribute 'a' given twice
===
# A conditional section in content (it belongs in a DTD).
cmd: syncml-encode hostile/codec/xml-ignore-section.xml
exit: 3
--- stderr
syncml-encode: hostile/codec/xml-ignore-section.xml:12:5: conditional section (<![IGNORE[, <![INCLUDE[) allowed only in a DTD
===
# CDATA after the root element.
cmd: syncml-encode hostile/codec/xml-cdata-after-root.xml
exit: 3
--- stderr
syncml-encode: hostile/codec/xml-cdata-after-root.xml:15:1: CDATA section outside the root element
===
# "--" inside a comment.
cmd: syncml-encode hostile/codec/xml-comment-dashes.xml
exit: 3
--- stderr
syncml-encode: hostile/codec/xml-comment-dashes.xml:12:14: '--' not allowed inside a comment
===
# "]]>" in text.
cmd: syncml-encode hostile/codec/xml-cdata-end-in-text.xml
exit: 3
--- stderr
syncml-encode: hostile/codec/xml-cdata-end-in-text.xml:12:35: ']]>' not allowed in text (write ]]&gt;)
===
# An XML declaration after the start.
cmd: syncml-encode hostile/codec/xml-declaration-late.xml
exit: 3
--- stderr
syncml-encode: hostile/codec/xml-declaration-late.xml:2:1: XML declaration allowed only at the very start of the document
===
# Markup that only looks like a comment: "<!-" and "<!" followed by an em dash.
cmd: syncml-encode hostile/codec/xml-not-comment-dash.xml
exit: 3
--- stderr
syncml-encode: hostile/codec/xml-not-comment-dash.xml:12:5: not a comment: a comment starts with '<!--'
===
cmd: syncml-encode hostile/codec/xml-not-comment-em-dash.xml
exit: 3
--- stderr
syncml-encode: hostile/codec/xml-not-comment-em-dash.xml:12:5: not a comment: a comment starts with '<!--'
===
# The same from standard input: the place names "-".
cmd: printf '<SyncML><SyncBody><Final/></SyncBody></SyncML>\n<![CDATA[x]]>\n' | syncml-encode
exit: 3
--- stderr
syncml-encode: -:2:1: CDATA section outside the root element
