# The enrolment needs a state.
cmd: dm-enroll --discovery https://127.0.0.1:9/EnrollmentServer/Discovery.svc --user u --password-file pw
exit: 2
--- stderr (ignored)
===
# A password and a token choose different authentications.
cmd: dm-enroll --email a@example.com --password-file pw --token-file t --state x.tnds
exit: 2
--- stderr
dm-enroll: --password-file and --token-file choose different authentications: give one
===
# The unenrolment takes the state only.
cmd: dm-enroll --unenroll --state x.tnds --email a@example.com
exit: 2
--- stderr
dm-enroll: --email has no use with --unenroll
===
# Without --discovery or --email there is nowhere to go.
cmd: DM_PASSWORD=x dm-enroll --user u --state /nonexistent/x.tnds
exit: 2
--- stderr
dm-enroll: give --discovery URL or --email ADDRESS
===
# An address without a domain gives no discovery URL.
cmd: DM_PASSWORD=x dm-enroll --email nobody --state /nonexistent/x.tnds
exit: 2
--- stderr
dm-enroll: "nobody" is not an e-mail address with a domain
