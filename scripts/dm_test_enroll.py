"""The enrolment side of scripts/dm-test-server ([MS-MDE2]): discovery, policy ([MS-XCEP]) and
certificate request ([MS-WSTEP]) endpoints under /EnrollmentServer/, a throw-away CA made at
start (python3-cryptography), OnPremise (user name and password) or Federated (token)
authentication, Certificate authentication (a client certificate of the server's CA in TLS and a
signed WS-Security timestamp), and the faults a device meets: wrong credentials and a device cap."""

import base64
import datetime
import hashlib
import uuid
import xml.etree.ElementTree as ET

try:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, padding
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
except ImportError:  # only --enroll needs it
    x509 = None

SOAP = "http://www.w3.org/2003/05/soap-envelope"
ADDR = "http://www.w3.org/2005/08/addressing"
SOAP_TYPE = "application/soap+xml; charset=utf-8"
PKCS10 = "http://schemas.microsoft.com/windows/pki/2009/01/enrollment#PKCS10"
PROVIDER = "DMTestServer"
HASH_OIDS = {"sha256": "2.16.840.1.101.3.4.2.1", "sha1": "1.3.14.3.2.29"}


POLICIES = {"onpremise": "OnPremise", "federated": "Federated", "certificate": "Certificate"}
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
DSIG = "http://www.w3.org/2000/09/xmldsig#"
EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"


def policy_list(text):
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    for n in names:
        if n not in POLICIES:
            raise ValueError(n)
    if not names:
        raise ValueError(text)
    return names


def add_arguments(p):
    g = p.add_argument_group("enrolment (MS-MDE2)")
    g.add_argument("--enroll", type=policy_list, metavar="POLICY[,POLICY]",
                   help="serve the enrolment endpoints with these authentications (onpremise, federated, "
                        "certificate; discovery answers the first one the device lists, else the first "
                        "given); the DM endpoint then requires a client certificate issued by the server's CA. "
                        "certificate: the device shows a certificate issued by the server's CA (or by "
                        "--enroll-client-ca) in TLS and signs a WS-Security timestamp with its key")
    g.add_argument("--enroll-client-ca", help="PEM file of another CA whose client certificates are trusted too")
    g.add_argument("--enroll-user", default="user@example.com")
    g.add_argument("--enroll-password", default="", help="OnPremise password")
    g.add_argument("--enroll-token", default="", help="Federated security token (as the device got it)")
    g.add_argument("--enroll-key-length", type=int, default=2048, help="minimalKeyLength of the policy")
    g.add_argument("--enroll-hash", choices=sorted(HASH_OIDS), default="sha256", help="hash of the policy")
    g.add_argument("--device-cap", type=int, default=-1,
                   help="refuse enrolments after N (DeviceCapReached fault); -1: no cap")


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def find(elem, *names):
    for name in names:
        if elem is None:
            return None
        elem = next((c for c in elem if local(c.tag) == name), None)
    return elem


def text(elem):
    return (elem.text or "").strip() if elem is not None else ""


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class Enrolment:
    def __init__(self, args):
        self.args = args
        self.enrolled = 0
        if x509 is None:
            raise SystemExit("dm-test-server: --enroll needs python3-cryptography")
        self.ca_key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "dm-test-server enrolment CA")])
        now = datetime.datetime.now(datetime.timezone.utc)
        self.ca = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                   .public_key(self.ca_key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                   .sign(self.ca_key, hashes.SHA256()))
        self.ca_pem = self.ca.public_bytes(serialization.Encoding.PEM).decode()

    # ---------------------------------------------------------------- envelopes
    def envelope(self, action, relates_to, body):
        return (f'<s:Envelope xmlns:s="{SOAP}" xmlns:a="{ADDR}"><s:Header>'
                f'<a:Action s:mustUnderstand="1">{action}</a:Action>'
                f'<a:RelatesTo>{esc(relates_to)}</a:RelatesTo></s:Header><s:Body>{body}</s:Body></s:Envelope>').encode()

    def fault(self, relates_to, subcode, reason, error_type=None):
        detail = ""
        if error_type:
            detail = ('<s:Detail><DeviceEnrollmentServiceError xmlns="http://schemas.microsoft.com/windows/pki/2009/01/enrollment">'
                      f'<ErrorType>{error_type}</ErrorType><Message>{esc(reason)}</Message>'
                      f'<TraceId>{uuid.uuid4()}</TraceId></DeviceEnrollmentServiceError></s:Detail>')
        prefix = "a" if subcode == "InvalidSecurity" else "s"
        body = (f'<s:Fault><s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value>{prefix}:{subcode}</s:Value>'
                f'</s:Subcode></s:Code><s:Reason><s:Text xml:lang="en-US">{esc(reason)}</s:Text></s:Reason>{detail}</s:Fault>')
        return 500, SOAP_TYPE, self.envelope("http://www.w3.org/2005/08/addressing/soap/fault", relates_to, body)

    # ---------------------------------------------------------------- requests
    def handles(self, path):
        return bool(self.args.enroll) and path.lower().startswith("/enrollmentserver/")

    def get(self, path):
        if path.lower().startswith("/enrollmentserver/discovery.svc"):
            return 200, "text/html", b""
        return 404, "text/plain", b"no such enrolment endpoint\n"

    def post(self, path, raw, base, record, peer_der=None):
        root = ET.fromstring(raw)
        header, body = find(root, "Header"), find(root, "Body")
        message_id = text(find(header, "MessageID"))
        record["enrollment"] = {"action": text(find(header, "Action")), "to": text(find(header, "To")),
                                "message_id": message_id}
        p = path.lower().split("?")[0]
        if p.endswith("/discovery.svc"):
            record["enrollment"]["step"] = "discovery"
            return self.discover(body, message_id, base, record)
        credential_fault = self.check_credential(header, message_id, peer_der, record)
        if p.endswith("/policy.svc"):
            record["enrollment"]["step"] = "policy"
            return credential_fault or self.policies(message_id)
        if p.endswith("/enrollment.svc"):
            record["enrollment"]["step"] = "enrolment"
            return credential_fault or self.issue(body, message_id, base, record)
        return 404, "text/plain", b"no such enrolment endpoint\n"

    def discover(self, body, message_id, base, record):
        req = find(body, "Discover", "request")
        record["enrollment"]["email"] = text(find(req, "EmailAddress"))
        record["enrollment"]["auth_policies"] = [text(p) for p in (find(req, "AuthPolicies") or [])]
        asked = [p.lower() for p in record["enrollment"]["auth_policies"]]
        policy = POLICIES[next((p for p in asked if p in self.args.enroll), self.args.enroll[0])]
        record["enrollment"]["auth_policy"] = policy
        auth = f"<AuthenticationServiceUrl>{base}/EnrollmentServer/Auth</AuthenticationServiceUrl>" if policy == "Federated" else ""
        result = (f'<DiscoverResponse xmlns="http://schemas.microsoft.com/windows/management/2012/01/enrollment">'
                  f'<DiscoverResult><AuthPolicy>{policy}</AuthPolicy><EnrollmentVersion>5.0</EnrollmentVersion>'
                  f'<EnrollmentPolicyServiceUrl>{base}/EnrollmentServer/Policy.svc</EnrollmentPolicyServiceUrl>'
                  f'<EnrollmentServiceUrl>{base}/EnrollmentServer/Enrollment.svc</EnrollmentServiceUrl>{auth}'
                  f'</DiscoverResult></DiscoverResponse>')
        action = "http://schemas.microsoft.com/windows/management/2012/01/enrollment/IDiscoveryService/DiscoverResponse"
        return 200, SOAP_TYPE, self.envelope(action, message_id, result)

    def check_credential(self, header, message_id, peer_der, record):
        security = find(header, "Security")
        if find(security, "Signature") is not None:
            kind = "certificate"
        elif find(security, "UsernameToken") is not None:
            kind = "onpremise"
        elif find(security, "BinarySecurityToken") is not None:
            kind = "federated"
        else:
            kind = self.args.enroll[0]
        record["enrollment"]["auth"] = kind
        if kind not in self.args.enroll:
            return self.fault(message_id, "InvalidSecurity", f"{POLICIES[kind]} authentication is not accepted here")
        if kind == "certificate":
            why = self.certificate_problem(security, peer_der)
            record["enrollment"]["certificate_check"] = why or "ok"
            return self.fault(message_id, "InvalidSecurity", why) if why else None
        if kind == "federated":
            token = text(find(security, "BinarySecurityToken"))
            try:
                ok = base64.b64decode(token, validate=True).decode() == self.args.enroll_token
            except Exception:
                ok = False
            return None if ok else self.fault(message_id, "InvalidSecurity", "The security token was not accepted")
        user = text(find(security, "UsernameToken", "Username"))
        password = (find(security, "UsernameToken", "Password").text or "") if find(security, "UsernameToken", "Password") is not None else ""
        if user == self.args.enroll_user and password == self.args.enroll_password:
            return None
        return self.fault(message_id, "Authentication", "The user name or password is incorrect")

    @staticmethod
    def certificate_problem(security, peer_der):
        """Certificate authentication: the TLS client certificate (already verified against the
        trusted CAs by the TLS layer), the same certificate as the header's token, and a valid
        signature of the header's Timestamp by its key. The canonical forms are rebuilt from the
        values, which holds for Timestamp and SignedInfo written without white space between
        elements, as dm-enroll writes them. Returns what is wrong, or None."""
        if not peer_der:
            return "Certificate authentication needs a TLS client certificate issued by this server's CA"
        token = find(security, "BinarySecurityToken")
        try:
            token_der = base64.b64decode(text(token), validate=True)
        except Exception:
            token_der = b""
        if token_der != peer_der:
            return "the certificate in the WS-Security header is not the TLS client certificate"
        stamp, sig = find(security, "Timestamp"), find(security, "Signature")
        info = find(sig, "SignedInfo")
        ref = find(info, "Reference")
        if stamp is None or info is None or ref is None:
            return "the WS-Security header has no signed Timestamp"
        created, expires = text(find(stamp, "Created")), text(find(stamp, "Expires"))
        stamp_id = stamp.get(f"{{{WSU}}}Id", "")
        now = datetime.datetime.now(datetime.timezone.utc)
        try:
            valid = (datetime.datetime.fromisoformat(created.replace("Z", "+00:00")) - datetime.timedelta(minutes=5) <= now
                     <= datetime.datetime.fromisoformat(expires.replace("Z", "+00:00")))
        except ValueError:
            valid = False
        if not valid or ref.get("URI") != "#" + stamp_id:
            return "the signed Timestamp is missing, expired or not the one signed"
        canonical = (f'<u:Timestamp xmlns:u="{WSU}" u:Id="{esc(stamp_id)}"><u:Created>{esc(created)}</u:Created>'
                     f'<u:Expires>{esc(expires)}</u:Expires></u:Timestamp>')
        if base64.b64encode(hashlib.sha256(canonical.encode()).digest()).decode() != text(find(ref, "DigestValue")):
            return "the digest of the Timestamp does not match"
        method = (find(info, "SignatureMethod").get("Algorithm") or "") if find(info, "SignatureMethod") is not None else ""
        signed_info = (f'<ds:SignedInfo xmlns:ds="{DSIG}"><ds:CanonicalizationMethod Algorithm="{EXC_C14N}">'
                       f'</ds:CanonicalizationMethod><ds:SignatureMethod Algorithm="{esc(method)}"></ds:SignatureMethod>'
                       f'<ds:Reference URI="#{esc(stamp_id)}"><ds:Transforms><ds:Transform Algorithm="{EXC_C14N}">'
                       '</ds:Transform></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256">'
                       f'</ds:DigestMethod><ds:DigestValue>{text(find(ref, "DigestValue"))}</ds:DigestValue>'
                       '</ds:Reference></ds:SignedInfo>').encode()
        try:
            key = x509.load_der_x509_certificate(peer_der).public_key()
            value = base64.b64decode(text(find(sig, "SignatureValue")), validate=True)
            if method.endswith("#rsa-sha256"):
                key.verify(value, signed_info, padding.PKCS1v15(), hashes.SHA256())
            elif method.endswith("#ecdsa-sha256"):
                half = len(value) // 2
                der = encode_dss_signature(int.from_bytes(value[:half], "big"), int.from_bytes(value[half:], "big"))
                key.verify(der, signed_info, ec.ECDSA(hashes.SHA256()))
            else:
                return f"signature method {method} is not supported"
        except Exception:
            return "the signature of the Timestamp does not verify with the certificate's key"
        return None

    def policies(self, message_id):
        oid = HASH_OIDS[self.args.enroll_hash]
        body = ('<GetPoliciesResponse xmlns="http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy"><response>'
                '<policyID/><policies><policy><policyOIDReference>0</policyOIDReference><attributes>'
                '<commonName>DMTestTemplate</commonName><policySchema>3</policySchema><privateKeyAttributes>'
                f'<minimalKeyLength>{self.args.enroll_key_length}</minimalKeyLength></privateKeyAttributes>'
                '<hashAlgorithmOIDReference>0</hashAlgorithmOIDReference></attributes></policy></policies></response>'
                f'<oIDs><oID><value>{oid}</value><group>1</group><oIDReferenceID>0</oIDReferenceID>'
                f'<defaultName>{self.args.enroll_hash}</defaultName></oID></oIDs></GetPoliciesResponse>')
        action = "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy/IPolicy/GetPoliciesResponse"
        return 200, SOAP_TYPE, self.envelope(action, message_id, body)

    def issue(self, body, message_id, base, record):
        rst = find(body, "RequestSecurityToken")
        token = find(rst, "BinarySecurityToken")
        if token is None or token.get("ValueType") != PKCS10:
            return self.fault(message_id, "MessageFormat", "No PKCS#10 request")
        items = find(rst, "AdditionalContext")
        context = [(c.get("Name"), text(find(c, "Value"))) for c in (items if items is not None else [])]
        record["enrollment"]["context"] = context
        record["enrollment"]["token_type"] = text(find(rst, "TokenType"))
        if 0 <= self.args.device_cap <= self.enrolled:
            return self.fault(message_id, "Authorization", "device cap reached", "DeviceCapReached")
        csr = x509.load_der_x509_csr(base64.b64decode(text(token)))
        if not self.signature_ok(csr) or csr.public_key().key_size < self.args.enroll_key_length:
            return self.fault(message_id, "CertificateRequest", "The request does not meet the policy")
        record["enrollment"]["csr_hash"] = csr.signature_hash_algorithm.name
        record["enrollment"]["csr_key_size"] = csr.public_key().key_size
        cert = self.sign(csr)
        self.enrolled += 1
        doc = self.provisioning(cert, base, dict(context))
        rstr = ('<RequestSecurityTokenResponseCollection xmlns="http://docs.oasis-open.org/ws-sx/ws-trust/200512">'
                '<RequestSecurityTokenResponse><TokenType>'
                'http://schemas.microsoft.com/5.0.0.0/ConfigurationManager/Enrollment/DeviceEnrollmentToken</TokenType>'
                '<DispositionMessage xmlns="http://schemas.microsoft.com/windows/pki/2009/01/enrollment"/>'
                '<RequestedSecurityToken><BinarySecurityToken '
                'ValueType="http://schemas.microsoft.com/5.0.0.0/ConfigurationManager/Enrollment/DeviceEnrollmentProvisionDoc" '
                'EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd#base64binary" '
                'xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">'
                f'{base64.b64encode(doc.encode()).decode()}</BinarySecurityToken></RequestedSecurityToken>'
                f'<RequestID xmlns="http://schemas.microsoft.com/windows/pki/2009/01/enrollment">{self.enrolled}</RequestID>'
                '</RequestSecurityTokenResponse></RequestSecurityTokenResponseCollection>')
        return 200, SOAP_TYPE, self.envelope("http://schemas.microsoft.com/windows/pki/2009/01/enrollment/RSTRC/wstep",
                                             message_id, rstr)

    @staticmethod
    def signature_ok(csr):
        # is_signature_valid refuses SHA-1 outright; the policy may ask for it, so check by hand.
        try:
            csr.public_key().verify(csr.signature, csr.tbs_certrequest_bytes, padding.PKCS1v15(),
                                    csr.signature_hash_algorithm)
            return True
        except Exception:
            return False

    def sign(self, csr):
        now = datetime.datetime.now(datetime.timezone.utc)
        return (x509.CertificateBuilder().subject_name(csr.subject).issuer_name(self.ca.subject)
                .public_key(csr.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
                .sign(self.ca_key, hashes.SHA256()))

    def provisioning(self, cert, base, context):
        def thumb(c):
            return hashlib.sha1(c.public_bytes(serialization.Encoding.DER)).hexdigest().upper()

        def b64(c):
            return base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode()
        encoding = "application/vnd.syncml.dm+wbxml" if self.args.wbxml else "application/vnd.syncml.dm+xml"
        return (
            '<wap-provisioningdoc version="1.1">'
            '<characteristic type="CertificateStore"><characteristic type="Root"><characteristic type="System">'
            f'<characteristic type="{thumb(self.ca)}"><parm name="EncodedCertificate" value="{b64(self.ca)}"/>'
            '</characteristic></characteristic></characteristic></characteristic>'
            '<characteristic type="CertificateStore"><characteristic type="My"><characteristic type="User">'
            f'<characteristic type="{thumb(cert)}"><parm name="EncodedCertificate" value="{b64(cert)}"/></characteristic>'
            '<characteristic type="PrivateKeyContainer"/></characteristic></characteristic></characteristic>'
            f'<characteristic type="APPLICATION"><parm name="APPID" value="w7"/><parm name="PROVIDER-ID" value="{PROVIDER}"/>'
            f'<parm name="NAME" value="dm-test-server"/><parm name="ADDR" value="{base}{self.args.path}"/>'
            f'<parm name="DEFAULTENCODING" value="{encoding}"/><parm name="BACKCOMPATRETRYDISABLED"/>'
            '<parm name="SSLCLIENTCERTSEARCHCRITERIA" value="Subject=CN%3DDevice&amp;Stores=MY%5CUser"/></characteristic>'
            f'<characteristic type="DMClient"><characteristic type="Provider"><characteristic type="{PROVIDER}">'
            f'<parm name="EntDeviceName" value="{esc(context.get("DeviceName", ""))}" datatype="string"/>'
            f'<parm name="EntDMID" value="dmid-{self.enrolled}" datatype="string"/>'
            '</characteristic></characteristic></characteristic></wap-provisioningdoc>')
