package cloudtrail.notifier.render;

import cloudtrail.notifier.config.Language;
import cloudtrail.notifier.directory.Directory;
import cloudtrail.notifier.event.IdentityType;
import cloudtrail.notifier.event.UserIdentity;

/**
 * Says who acted, in the words a reader uses: the IAM user's name, the role and its session, the
 * person behind an IAM Identity Center permission set, the AWS service that acted on its own.
 */
public final class IdentityResolver {
    private final Directory directory;

    public IdentityResolver() {
        this(Directory.NONE);
    }

    /** @param directory names for Identity Center users, where known (their events carry only an ID) */
    public IdentityResolver(Directory directory) {
        this.directory = directory;
    }

    /** IAM Identity Center provisions its roles under this prefix; the session name is the person. */
    static final String IDENTITY_CENTER_ROLE_PREFIX = "AWSReservedSSO_";
    private static final int MAX_NAME = 200;

    public String describe(UserIdentity id, String eventAccount, Language language) {
        String who = base(id, language);
        if (id.invokedBy() != null && id.type() != IdentityType.AWS_SERVICE && id.type() != IdentityType.NONE) {
            who = Msg.VIA_SERVICE.format(language, who, safe(id.invokedBy(), language));
        }
        if (id.sourceIdentity() != null) {
            who = Msg.SOURCE_IDENTITY.format(language, who, safe(id.sourceIdentity(), language));
        }
        if (id.accountId() != null && eventAccount != null && !id.accountId().equals(eventAccount)
                && id.type() != IdentityType.AWS_ACCOUNT && id.type() != IdentityType.NONE) {
            who = who + (language == Language.JA ? "［" : " [") + Msg.ACCOUNT_OF.format(language, safe(id.accountId(), language))
                    + (language == Language.JA ? "］" : "]");
        }
        return who;
    }

    /**
     * Who, in a few characters for the subject: the user or session name (for a role, the session,
     * which is the person), "ルートユーザー", the service; null when the record names nobody.
     */
    public String shortName(UserIdentity id, Language language) {
        String name = switch (id.type()) {
            case ROOT -> Msg.ROOT_USER.in(language);
            case IAM_USER -> first(id.userName(), arnName(id.arn()));
            case ASSUMED_ROLE -> {
                String[] roleAndSession = assumedRoleParts(id.arn());
                yield first(roleAndSession[1], afterColon(id.principalId()), roleAndSession[0]);
            }
            case FEDERATED_USER -> first(arnName(id.arn()), afterColon(id.principalId()));
            case AWS_SERVICE -> first(id.invokedBy());
            case AWS_ACCOUNT -> first(id.accountId());
            case IDENTITY_CENTER_USER -> {
                Directory.Person person = directory.person(Directory.UserRef.of(id.identityStoreArn(), id.onBehalfOfUserId()));
                yield first(id.userName(), person == null ? null : person.userName(), person == null ? null : person.displayName(),
                        id.onBehalfOfUserId());
            }
            default -> first(id.userName(), arnName(id.arn()), id.invokedBy());
        };
        return name == null ? null : SafeText.name(name, 40, language);
    }

    private String base(UserIdentity id, Language language) {
        return switch (id.type()) {
            case ROOT -> Msg.ROOT_USER.in(language);
            case IAM_USER -> Msg.IAM_USER.format(language, name(language, id.userName(), arnName(id.arn()), id.principalId()));
            case ASSUMED_ROLE -> assumedRole(id, language);
            case FEDERATED_USER -> federated(id, language);
            case AWS_ACCOUNT -> Msg.AWS_ACCOUNT.format(language, name(language, id.accountId(), id.principalId()));
            case AWS_SERVICE -> Msg.AWS_SERVICE.format(language, name(language, id.invokedBy(), id.principalId()));
            case IDENTITY_CENTER_USER -> identityCenterUser(id, language);
            case WEB_IDENTITY_USER -> Msg.WEB_IDENTITY_USER.format(language,
                    name(language, id.userName(), id.principalId()), name(language, id.identityProvider()));
            case SAML_USER -> Msg.SAML_USER.format(language,
                    name(language, id.userName(), id.principalId()), name(language, id.identityProvider()));
            case UNKNOWN -> Msg.UNKNOWN_IDENTITY.format(language,
                    name(language, id.userName(), arnName(id.arn()), id.principalId(), id.accountId(), id.accessKeyId()));
            case NONE -> untyped(id, language);
            case OTHER -> Msg.OTHER_IDENTITY.format(language, safe(id.typeName(), language),
                    name(language, id.userName(), arnName(id.arn()), id.principalId(), id.accountId()));
        };
    }

    private String assumedRole(UserIdentity id, Language language) {
        String[] roleAndSession = assumedRoleParts(id.arn());
        String role = first(id.sessionIssuer() == null ? null : id.sessionIssuer().userName(), roleAndSession[0]);
        String session = first(roleAndSession[1], afterColon(id.principalId()));
        if (role != null && role.startsWith(IDENTITY_CENTER_ROLE_PREFIX) && session != null) {
            return Msg.IDENTITY_CENTER_SESSION.format(language, safe(session, language),
                    safe(permissionSet(role), language));
        }
        if (role == null) {
            return Msg.ROLE.format(language, name(language, session, id.principalId()));
        }
        return session == null
                ? Msg.ROLE.format(language, safe(role, language))
                : Msg.ROLE_SESSION.format(language, safe(role, language), safe(session, language));
    }

    private String federated(UserIdentity id, Language language) {
        String user = first(arnName(id.arn()), afterColon(id.principalId()));
        String issuer = id.sessionIssuer() == null ? null
                : first(id.sessionIssuer().userName(), arnName(id.sessionIssuer().arn()));
        return issuer == null
                ? Msg.FEDERATED_USER_PLAIN.format(language, name(language, user, id.principalId()))
                : Msg.FEDERATED_USER.format(language, name(language, user, id.principalId()), safe(issuer, language));
    }

    /**
     * Service events carry no type: {"accountId": ..., "invokedBy": "organizations.amazonaws.com"}. Whatever
     * single field a record without a type has, it names somebody: "not available" only when none is there.
     */
    private String untyped(UserIdentity id, Language language) {
        if (id.invokedBy() != null) {
            return Msg.AWS_SERVICE.format(language, safe(id.invokedBy(), language));
        }
        String issuer = id.sessionIssuer() == null ? null
                : first(id.sessionIssuer().userName(), arnName(id.sessionIssuer().arn()), id.sessionIssuer().arn(),
                        id.sessionIssuer().principalId());
        String named = first(id.userName(), arnName(id.arn()), id.principalId(), id.arn(), issuer, id.onBehalfOfUserId());
        if (named != null) {
            return safe(named, language);
        }
        if (id.accountId() != null) {
            return Msg.ACCOUNT_OF.format(language, safe(id.accountId(), language));
        }
        if (id.accessKeyId() != null) {
            return safe(id.accessKeyId(), language);
        }
        if (id.identityProvider() != null) {
            return Msg.IDP_USER.format(language, safe(id.identityProvider(), language));
        }
        if (id.credentialId() != null) {
            return Msg.CREDENTIAL.format(language, safe(id.credentialId(), language));
        }
        return Msg.NOT_AVAILABLE.in(language);
    }

    /** "AWSReservedSSO_AdministratorAccess_0123456789abcdef" is the permission set AdministratorAccess. */
    static String permissionSet(String role) {
        String rest = role.substring(IDENTITY_CENTER_ROLE_PREFIX.length());
        int last = rest.lastIndexOf('_');
        return last > 0 ? rest.substring(0, last) : rest;
    }

    /** "arn:aws:sts::111122223333:assumed-role/Role/session" gives {"Role", "session"}. */
    static String[] assumedRoleParts(String arn) {
        String resource = arnResource(arn);
        if (resource == null || !resource.startsWith("assumed-role/")) {
            return new String[2];
        }
        String rest = resource.substring("assumed-role/".length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new String[] {emptyToNull(rest), null};
        }
        return new String[] {emptyToNull(rest.substring(0, slash)), emptyToNull(rest.substring(slash + 1))};
    }

    /** The last path segment of an ARN's resource: "arn:aws:iam::1:user/dev/alice" gives "alice". */
    static String arnName(String arn) {
        String resource = arnResource(arn);
        if (resource == null) {
            return null;
        }
        int slash = resource.lastIndexOf('/');
        return emptyToNull(slash >= 0 ? resource.substring(slash + 1) : resource);
    }

    private static String arnResource(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        int colons = 0;
        for (int i = 0; i < arn.length(); i++) {
            if (arn.charAt(i) == ':' && ++colons == 5) {
                return arn.substring(i + 1);
            }
        }
        return null;
    }

    private static String afterColon(String principalId) {
        if (principalId == null) {
            return null;
        }
        int colon = principalId.indexOf(':');
        return colon >= 0 ? emptyToNull(principalId.substring(colon + 1)) : null;
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    /** 「IAM Identity Center ユーザー 鈴木 花子（hanako.suzuki、ID c7a4…）」 when the identity store said who; else the ID. */
    private String identityCenterUser(UserIdentity id, Language language) {
        Directory.Person person = directory.person(Directory.UserRef.of(id.identityStoreArn(), id.onBehalfOfUserId()));
        if (person == null) {
            return Msg.IDENTITY_CENTER_USER.format(language,
                    name(language, id.onBehalfOfUserId(), id.userName(), id.principalId(), id.credentialId()));
        }
        String display = first(person.displayName(), person.userName());
        String login = person.displayName() != null && person.userName() != null ? person.userName() : null;
        return Msg.IDENTITY_CENTER_PERSON.format(language, safe(display, language),
                login == null ? Msg.USER_ID.format(language, safe(id.onBehalfOfUserId(), language))
                        : Msg.USER_NAME_AND_ID.format(language, safe(login, language), safe(id.onBehalfOfUserId(), language)));
    }

    /** The first name available, made safe to show; "not available" when there is none. */
    private static String name(Language language, String... candidates) {
        String n = first(candidates);
        return n == null ? Msg.NOT_AVAILABLE.in(language) : safe(n, language);
    }

    private static String safe(String s, Language language) {
        return SafeText.name(s, MAX_NAME, language);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
