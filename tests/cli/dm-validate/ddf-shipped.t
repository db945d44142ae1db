# Microsoft's DDF v2 files as shipped (BOM, CRLF): a package as Intune writes it (policy-areas) is clean.
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
needs: ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/BitLocker.ddf.xml
needs: ../../shared/data/ms-ddf/Firewall.ddf.xml
needs: ../../shared/data/ms-ddf/AppLocker.ddf.xml
cmd: dm-validate --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml packages/intune/policy-areas.xml
exit: 0
--- stderr
dm-validate: 1 file checked: 0 errors, 0 warnings, 0 notes
===
# Microsoft's DDF v2 files as shipped (BOM, CRLF): a package as Intune writes it (bitlocker) is clean.
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
needs: ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/BitLocker.ddf.xml
needs: ../../shared/data/ms-ddf/Firewall.ddf.xml
needs: ../../shared/data/ms-ddf/AppLocker.ddf.xml
cmd: dm-validate --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml packages/intune/bitlocker.xml
exit: 0
--- stderr
dm-validate: 1 file checked: 0 errors, 0 warnings, 0 notes
===
# Microsoft's DDF v2 files as shipped (BOM, CRLF): a package as Intune writes it (firewall-rule) is clean.
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
needs: ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/BitLocker.ddf.xml
needs: ../../shared/data/ms-ddf/Firewall.ddf.xml
needs: ../../shared/data/ms-ddf/AppLocker.ddf.xml
cmd: dm-validate --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml packages/intune/firewall-rule.xml
exit: 0
--- stderr
dm-validate: 1 file checked: 0 errors, 0 warnings, 0 notes
===
# Microsoft's DDF v2 files as shipped (BOM, CRLF): a package as Intune writes it (applocker) is clean.
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
needs: ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/BitLocker.ddf.xml
needs: ../../shared/data/ms-ddf/Firewall.ddf.xml
needs: ../../shared/data/ms-ddf/AppLocker.ddf.xml
cmd: dm-validate --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml packages/intune/applocker.xml
exit: 0
--- stderr
dm-validate: 1 file checked: 0 errors, 0 warnings, 0 notes
===
# Mistakes users make on real CSPs: misspelt CSP and Policy area (suggested case-insensitively
# against every loaded CSP and area), a device-only policy in user scope, Data that contradicts
# its Format (error with the device's status), a value outside AllowedValues (400), Replace of
# a Get-only status node; a firewall rule field of a rule that the message does not add is
# assumed to exist (no finding).
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
needs: ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml
needs: ../../shared/data/ms-ddf/BitLocker.ddf.xml
needs: ../../shared/data/ms-ddf/Firewall.ddf.xml
needs: ../../shared/data/ms-ddf/AppLocker.ddf.xml
cmd: dm-validate --ddf ../../shared/data/ms-ddf/Policy.ddf.xml --ddf ../../shared/data/ms-ddf/Camera_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/DeviceLock_AreaDDF.ddf.xml --ddf ../../shared/data/ms-ddf/BitLocker.ddf.xml --ddf ../../shared/data/ms-ddf/Firewall.ddf.xml --ddf ../../shared/data/ms-ddf/AppLocker.ddf.xml packages/intune/mistakes.xml
exit: 1
--- stdout
packages/intune/mistakes.xml:13:44: error: './Device/Vendor/MSFT/Bitlocker/RequireDeviceEncryption' is not a node of the loaded DDFs (did you mean './Device/Vendor/MSFT/BitLocker/RequireDeviceEncryption'?) [ddf-unknown-node] (status 404)
packages/intune/mistakes.xml:14:44: error: './Device/Vendor/MSFT/Polcy/Config/Camera/AllowCamera' is not a node of the loaded DDFs (did you mean './Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera'?) [ddf-unknown-node] (status 404)
packages/intune/mistakes.xml:15:44: error: './Device/Vendor/MSFT/Policy/Config/Camra/AllowCamera' is not a node of the loaded DDFs (did you mean './Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera'?) [ddf-unknown-node] (status 404)
packages/intune/mistakes.xml:16:44: note: user scope: './User/Vendor/MSFT/Policy/Config/Camera/AllowCamera' applies only while the enrolled user is signed in (LoginStatus user) [locuri-scope]
packages/intune/mistakes.xml:16:44: error: './User/Vendor/MSFT/Policy/Config/Camera/AllowCamera' is not a node of the loaded DDFs (the DDF defines it in device scope: ./Device/...) [ddf-unknown-node] (status 404)
packages/intune/mistakes.xml:17:194: error: 'abc' is not a valid int value (./Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength) [ddf-data] (status 415)
packages/intune/mistakes.xml:18:194: error: '20' is not an allowed value of ./Vendor/MSFT/Policy/Config/DeviceLock/MinDevicePasswordLength [ddf-value] (status 400)
packages/intune/mistakes.xml:19:186: error: 'yes' is not a valid bool value (./Vendor/MSFT/Firewall/MdmStore/DomainProfile/EnableFirewall) [ddf-data] (status 415)
packages/intune/mistakes.xml:21:130: error: Format xml does not match the DFFormat int of ./Vendor/MSFT/Policy/Config/Camera/AllowCamera [ddf-format] (status 415)
packages/intune/mistakes.xml:21:179: warning: Format xml but Data is not well-formed XML (text before the root element) [data-format] (status 415)
packages/intune/mistakes.xml:22:45: error: Replace is not in the AccessType of ./Vendor/MSFT/BitLocker/Status/DeviceEncryptionStatus (Get) [ddf-access] (status 405)
--- stderr
dm-validate: 1 file checked: 9 errors, 1 warning, 1 note
===
# Only the Policy root DDF: the area is not loaded, said once per area, and nothing is a format error.
needs: ../../shared/data/ms-ddf/Policy.ddf.xml
cmd: dm-validate --ddf ../../shared/data/ms-ddf/Policy.ddf.xml packages/intune/policy-area-not-loaded.xml
exit: 0
--- stdout
packages/intune/policy-area-not-loaded.xml:13:44: note: no loaded DDF defines the Policy area 'Accounts': its policies are not checked [ddf-area-not-loaded]
packages/intune/policy-area-not-loaded.xml:15:44: note: no loaded DDF defines the Policy area 'Camera': its policies are not checked [ddf-area-not-loaded]
--- stderr
dm-validate: 1 file checked: 0 errors, 0 warnings, 2 notes
