package cloudtrail.notifier.directory;

import cloudtrail.notifier.publish.AwsJsonCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Names from Organizations (DescribeAccount: in the management account or a delegated administrator) and
 * the identity store (DescribeUser), kept for the life of the execution environment. A lookup that fails
 * (denied, not found, slow) is not tried again for {@link #RETRY_AFTER}: the account or user is shown by ID
 * meanwhile. The calls are made by functions given here, so that tests can stand in for AWS.
 */
public final class AwsDirectory implements Directory {
    static final Duration RETRY_AFTER = Duration.ofMinutes(15);

    private final Function<String, String> describeAccount;
    private final Function<UserRef, Person> describeUser;
    private final LongSupplier nanoTime;
    private final ExecutorService lookups = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("directory-", 0).factory());
    private final ConcurrentHashMap<String, Optional<String>> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UserRef, Optional<Person>> people = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Object, Long> failedAt = new ConcurrentHashMap<>();

    /**
     * @param describeAccount the account's name, or null when it has none; throws when the lookup fails
     * @param describeUser the person; throws when the lookup fails
     */
    public AwsDirectory(Function<String, String> describeAccount, Function<UserRef, Person> describeUser, LongSupplier nanoTime) {
        this.describeAccount = describeAccount;
        this.describeUser = describeUser;
        this.nanoTime = nanoTime;
    }

    /** Organizations' DescribeAccount and the identity store's DescribeUser, over {@link AwsJsonCall}. */
    public static AwsDirectory of(AwsJsonCall organizations, AwsJsonCall identityStore) {
        return new AwsDirectory(id -> {
            JsonNode answer = organizations.call("DescribeAccount", JsonNodeFactory.instance.objectNode().put("AccountId", id),
                    "looking up the name of account " + id);
            String name = answer.path("Account").path("Name").asText(null);
            return name == null || name.isBlank() ? null : name;
        }, user -> {
            JsonNode answer = identityStore.call("DescribeUser", JsonNodeFactory.instance.objectNode()
                    .put("IdentityStoreId", user.identityStoreId()).put("UserId", user.userId()),
                    "looking up Identity Center user " + user.userId());
            String display = answer.path("DisplayName").asText(null);
            String userName = answer.path("UserName").asText(null);
            return display == null && userName == null ? null : new Person(display, userName);
        }, System::nanoTime);
    }

    @Override
    public String accountName(String accountId) {
        Optional<String> name = accountId == null ? null : accounts.get(accountId);
        return name == null ? null : name.orElse(null);
    }

    @Override
    public Person person(UserRef user) {
        Optional<Person> person = user == null ? null : people.get(user);
        return person == null ? null : person.orElse(null);
    }

    @Override
    public void prefetch(Collection<String> accountIds, Collection<UserRef> users, Duration budget) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (String id : accountIds) {
            if (id != null && due(id, accounts.containsKey(id))) {
                pending.add(CompletableFuture.runAsync(() -> look(id, () -> accounts.put(id, Optional.ofNullable(describeAccount.apply(id))))
                        , lookups));
            }
        }
        for (UserRef user : users) {
            if (user != null && due(user, people.containsKey(user))) {
                pending.add(CompletableFuture.runAsync(() -> look(user, () -> people.put(user, Optional.ofNullable(describeUser.apply(user)))),
                        lookups));
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        try {
            // what is not back by then lands in the caches later, for the next batch
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // shown by ID
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean due(Object key, boolean known) {
        if (known) {
            return false;
        }
        Long failed = failedAt.get(key);
        if (failed != null && nanoTime.getAsLong() - failed < RETRY_AFTER.toNanos()) {
            return false;
        }
        // claimed now, so that two batches do not look up the same key at once
        failedAt.put(key, nanoTime.getAsLong());
        return true;
    }

    private void look(Object key, Runnable lookup) {
        try {
            lookup.run();
            failedAt.remove(key);
        } catch (RuntimeException e) {
            failedAt.put(key, nanoTime.getAsLong());
        }
    }
}
