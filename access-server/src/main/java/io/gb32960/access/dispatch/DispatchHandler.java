package io.gb32960.access.dispatch;

import io.gb32960.access.login.PlatformLogins;
import io.gb32960.access.server.AccessServerProperties;
import io.gb32960.access.session.RegistryCache;
import io.gb32960.platform.common.cluster.Assignment;
import io.gb32960.platform.common.cluster.NodeAssigner;
import io.gb32960.platform.common.cluster.NodeStats;
import io.gb32960.platform.common.cluster.SessionTokens;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Responses;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.netty.Gb32960Frame;
import io.gb32960.protocol.wire.DataTime;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The dispatch login (docs/protocol-extensions.md): a terminal sends platform login 0x05 with its
 * account and password and its VIN as unique id; on success it gets the 0x05 answer, then an
 * assignment frame 0xC0 naming the least-loaded access node and a one-time session token, and the
 * connection is closed. Anything else, or a failure, gets an error answer (where there is a
 * login to answer) and the connection is closed.
 */
@ChannelHandler.Sharable
public final class DispatchHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(DispatchHandler.class);

    private final AccessServerProperties props;
    private final PlatformLogins platformLogins;
    private final RegistryCache registry;
    private final SessionTokens tokens;
    private final NodeAssigner assigner;
    private final Supplier<Optional<NodeStats>> self;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Gb32960Decoder decoder = Gb32960Decoder.uplink();

    /** @param self this node as a fallback target when no node is registered, if its access listener runs */
    public DispatchHandler(AccessServerProperties props, PlatformLogins platformLogins, RegistryCache registry,
                           SessionTokens tokens, NodeAssigner assigner, Supplier<Optional<NodeStats>> self,
                           Clock clock, MeterRegistry meters) {
        this.props = props;
        this.platformLogins = platformLogins;
        this.registry = registry;
        this.tokens = tokens;
        this.assigner = assigner;
        this.self = self;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof Gb32960Frame frame) || frame.header().command() != CommandId.PLATFORM_LOGIN.id()) {
                result("rejected");
                ctx.close();
                return;
            }
            Gb32960Message decoded = decoder.decode(frame.content());
            if (decoded instanceof PlatformLogin login) {
                ctx.channel().config().setAutoRead(false); // one login per connection
                dispatch(ctx.channel(), login);
            } else {
                ctx.close();
            }
        } catch (Gb32960DecodeException e) {
            result("rejected");
            ctx.close();
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void dispatch(Channel ch, PlatformLogin login) {
        String vin = login.vin();
        String account = login.username().text();
        String address = ProxiedAddress.of(ch);
        if (platformLogins.blocked(address, account)) {
            refuse(ch, login, "too many failures");
            return;
        }
        platformLogins.verify(address, account, login.password().text())
                .thenCompose(ok -> !ok ? CompletableFuture.completedFuture(Optional.<String>of("bad credentials"))
                        : registry.vehicle(vin).thenApply(v -> v.isPresent() && v.get().enabled()
                        ? Optional.<String>empty() : Optional.of("VIN not registered")))
                .thenCompose(problem -> problem.isPresent()
                        ? CompletableFuture.completedFuture(new Outcome(problem.get(), null, null))
                        : tokens.create(vin, props.dispatch().tokenTtl()).thenCombine(assigner.assign(),
                        (token, node) -> node.or(self).map(n -> new Outcome(null, n, token))
                                .orElse(new Outcome("no access node available", null, null))))
                .whenComplete((outcome, error) -> ch.eventLoop().execute(() -> {
                    if (error != null) {
                        refuse(ch, login, "registry unavailable: " + error);
                    } else if (outcome.problem() != null) {
                        refuse(ch, login, outcome.problem());
                    } else {
                        assign(ch, login, outcome.node(), outcome.token());
                    }
                }));
    }

    private record Outcome(String problem, NodeStats node, String token) {
    }

    private void assign(Channel ch, PlatformLogin login, NodeStats node, String token) {
        DataTime now = DataTime.of(clock.instant());
        ch.write(Gb32960Responses.respond(login, ResponseFlag.SUCCESS, now, ResponseStyle.TIME_ONLY));
        ch.writeAndFlush(new Assignment(now, node.host(), node.port(), token).toMessage(login.header().edition(), login.vin()))
                .addListener(ChannelFutureListener.CLOSE);
        result("assigned");
        log.debug("[{}] assigned to {} ({}:{})", login.vin(), node.nodeId(), node.host(), node.port());
    }

    private void refuse(Channel ch, PlatformLogin login, String why) {
        log.info("[{}] dispatch login refused: {}", login.vin(), why);
        result("refused");
        ch.writeAndFlush(Gb32960Responses.respond(login, ResponseFlag.ERROR, DataTime.of(clock.instant()),
                ResponseStyle.TIME_ONLY)).addListener(ChannelFutureListener.CLOSE);
    }

    private void result(String result) {
        meters.counter("gb32960.dispatch.logins", "result", result).increment();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("dispatch connection error: {}", cause.toString());
        ctx.close();
    }
}
