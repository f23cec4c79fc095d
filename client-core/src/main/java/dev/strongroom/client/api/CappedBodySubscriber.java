package dev.strongroom.client.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory but never more than a cap: a hostile server cannot make the
 * client buffer an endless answer. Past the cap the subscription is cancelled (the connection is
 * dropped) and the body fails with {@link TooLargeException}. A declared Content-Length over the
 * cap fails before a single byte is read.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The body exceeded the cap. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long cap) {
            super("response body is larger than " + cap + " bytes");
        }
    }

    private final long cap;
    private final boolean declaredTooLarge;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private CappedBodySubscriber(long cap, boolean declaredTooLarge) {
        this.cap = cap;
        this.declaredTooLarge = declaredTooLarge;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long cap) {
        return info -> {
            long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
            return new CappedBodySubscriber(cap, declared > cap);
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declaredTooLarge) {
            s.cancel();
            result.completeExceptionally(new TooLargeException(cap));
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if ((long) out.size() + b.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException(cap));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
