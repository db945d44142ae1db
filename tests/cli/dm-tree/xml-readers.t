# A DDF is read by the streaming loader (pull reader) or the DOM: both refuse what XML 1.0
# refuses, with the same message. A conditional section could hide a node's AccessType.
cmd: dm-tree init --ddf hostile/xml/ddf-ignore-section.xml
exit: 3
--- stderr
dm-tree: hostile/xml/ddf-ignore-section.xml:9:7: conditional section (<![IGNORE[, <![INCLUDE[) allowed only in a DTD
===
cmd: dm-tree init --ddf hostile/xml/ddf-duplicate-attribute.xml
exit: 3
--- stderr
dm-tree: hostile/xml/ddf-duplicate-attribute.xml:2:69: attribute 'xmlns:MSFT' given twice
