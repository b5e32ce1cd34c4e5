package cloudtrail.notifier.directory;

import java.time.Duration;
import java.util.Collection;

/**
 * Names for what events give only as IDs: accounts (Organizations) and IAM Identity Center users (the
 * identity store; since 2025 their events carry only {@code onBehalfOf.userId}). Rendering asks only what
 * is known already, so a lookup never delays or fails a notification; {@link #prefetch} looks up what a
 * batch will need, within a time budget.
 */
public interface Directory {
    /** A person as the identity store knows them. */
    record Person(String displayName, String userName) {}

    /** An Identity Center user: the identity store (d-…) and the user's ID in it. */
    record UserRef(String identityStoreId, String userId) {
        /** The store's ID from onBehalfOf.identityStoreArn (arn:aws:identitystore::111122223333:identitystore/d-…). */
        public static UserRef of(String identityStoreArn, String userId) {
            if (identityStoreArn == null || userId == null) {
                return null;
            }
            int slash = identityStoreArn.lastIndexOf('/');
            String store = slash < 0 ? identityStoreArn : identityStoreArn.substring(slash + 1);
            return store.matches("d-[0-9a-z]{10}") ? new UserRef(store, userId) : null;
        }
    }

    /** The account's name, if already known; null otherwise. */
    String accountName(String accountId);

    /** The person, if already known; null otherwise. */
    Person person(UserRef user);

    /** Looks up what is not known yet, in parallel, returning after at most {@code budget}. */
    void prefetch(Collection<String> accountIds, Collection<UserRef> users, Duration budget);

    Directory NONE = new Directory() {
        @Override
        public String accountName(String accountId) {
            return null;
        }

        @Override
        public Person person(UserRef user) {
            return null;
        }

        @Override
        public void prefetch(Collection<String> accountIds, Collection<UserRef> users, Duration budget) {}
    };
}
