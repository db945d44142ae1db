# A DDF saved as UTF-16 with a byte order mark (Notepad's "Unicode", declaring UTF-16) reads as its UTF-8 original.
cmd: t=$(mktemp -d) && sed '1s/[Uu][Tt][Ff]-8/UTF-16/' ddf/policy-like.ddf.xml | iconv -f UTF-8 -t UTF-16 > $t/u16.xml && head -c 2 $t/u16.xml | od -An -tx1 && (cd $t && dm-tree describe --ddf u16.xml ./Device/Vendor/MSFT/PolicyLike/Config/Camera/CameraList); r=$?; rm -rf $t; exit $r
exit: 0
--- stdout
 ff fe
./Vendor/MSFT/PolicyLike/Config/Camera/CameraList
  Access      Add Delete Get Replace
  Format      chr
  Type        text/plain
  Occurrence  ZeroOrOne
  Scope       Dynamic
  Title       CameraList
  Allowed     ENUM list, delimiter ';'
    a
    b
    c
  Description Sets the CameraList policy of the Camera area.
  Defined     u16.xml:292:11
===
# A state file in UTF-16 shows the same tree as the UTF-8 one.
cmd: t=$(mktemp -d) && sed '1s/[Uu][Tt][Ff]-8/UTF-16/' trees/small.xml | iconv -f UTF-8 -t UTF-16 > $t/s16.xml && dm-tree show trees/small.xml > $t/a && dm-tree show $t/s16.xml > $t/b && cmp $t/a $t/b && echo same; r=$?; rm -rf $t; exit $r
exit: 0
--- stdout
same
