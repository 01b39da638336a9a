package io.gb32960.access.login;

import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.redis.SessionStore.LoginOutcome;
import io.gb32960.platform.common.redis.SessionStore.LoginRequest;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Collects the vehicle logins an event loop reads in one pass and sends them to Redis together
 * ({@link SessionStore#loginAll}): a burst of logins costs one Redis round trip per pass instead
 * of one per login. A lone login goes out as it is. Event loop threads only.
 */
public final class LoginBatcher {

    private record Pending(LoginRequest request, CompletableFuture<LoginOutcome> result) {
    }

    private final SessionStore store;
    private final FastThreadLocal<List<Pending>> pending = new FastThreadLocal<>() {
        @Override
        protected List<Pending> initialValue() {
            return new ArrayList<>();
        }
    };

    public LoginBatcher(SessionStore store) {
        this.store = store;
    }

    /** Queues the login; sent after the event loop has handled what it read in this pass. */
    public CompletionStage<LoginOutcome> login(EventLoop loop, LoginRequest request) {
        List<Pending> queued = pending.get();
        CompletableFuture<LoginOutcome> result = new CompletableFuture<>();
        queued.add(new Pending(request, result));
        if (queued.size() == 1) {
            loop.execute(this::flush);
        }
        return result;
    }

    private void flush() {
        List<Pending> queued = pending.get();
        if (queued.isEmpty()) {
            return;
        }
        List<Pending> batch = new ArrayList<>(queued);
        queued.clear();
        if (batch.size() == 1) {
            Pending p = batch.get(0);
            store.login(p.request()).whenComplete((outcome, error) -> complete(p.result(), outcome, error));
            return;
        }
        List<LoginRequest> requests = new ArrayList<>(batch.size());
        batch.forEach(p -> requests.add(p.request()));
        List<CompletableFuture<LoginOutcome>> outcomes = store.loginAll(requests);
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<LoginOutcome> target = batch.get(i).result();
            outcomes.get(i).whenComplete((outcome, error) -> complete(target, outcome, error));
        }
    }

    private static void complete(CompletableFuture<LoginOutcome> target, LoginOutcome outcome, Throwable error) {
        if (error != null) {
            target.completeExceptionally(error);
        } else {
            target.complete(outcome);
        }
    }
}
