package io.gb32960.platform.common.redis;

/**
 * The Redis key layout every service shares. Keys that belong to one vehicle carry the VIN in a
 * hash tag ({@code {VIN}}), so in Redis Cluster all keys of a vehicle live in one slot. All values
 * are plain strings (StringCodec), readable with redis-cli.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>type</th><th>written by</th><th>content</th></tr>
 * <tr><td>{@code gb32960:vehicle:{VIN}}</td><td>hash</td><td>admin backend</td>
 *     <td>{@code iccid}, {@code terminalModel}, {@code responseStyle} (TIME_ONLY|ECHO),
 *     {@code upgradeLayout} (TABLE_B15_TEXT|TABLE_B16_BINARY), {@code enabled} (true|false)</td></tr>
 * <tr><td>{@code gb32960:platform:{ACCOUNT}}</td><td>hash</td><td>admin backend</td>
 *     <td>{@code salt}, {@code hash}, {@code iterations} (PBKDF2-HMAC-SHA256, base64), {@code enabled}</td></tr>
 * <tr><td>{@code gb32960:session:{VIN}}</td><td>hash, TTL</td><td>access node</td>
 *     <td>{@code node}, {@code connection}, {@code loginAt}; TTL refreshed by traffic</td></tr>
 * <tr><td>{@code gb32960:route:{VIN}}</td><td>string, TTL</td><td>access node</td>
 *     <td>{@code node|connection}: the node holding the vehicle's connection (downstream commands go
 *     there) and that connection's id. Session and route are written and removed together by Lua
 *     compare-and-set scripts ({@code SessionStore}): a login returns the previous owner, a node
 *     removes them only while its connection owns them</td></tr>
 * <tr><td>{@code gb32960:node-vins:{NODE}}</td><td>set</td><td>access node</td>
 *     <td>VINs the node has routed to itself (added on login, removed on logout/close, tidied by the
 *     node's periodic reconciliation), so a node finds its routes without SCAN</td></tr>
 * <tr><td>{@code gb32960:node:{NODE}}</td><td>pub/sub channel</td><td>access nodes</td>
 *     <td>messages to one node, JSON ({@code NodeMessages}): {@code {"type":"KICK","vin":…,
 *     "connection":…,"from":…}} closes that connection of the VIN (it logged in on another node)</td></tr>
 * <tr><td>{@code gb32960:pubkey:{VIN}}</td><td>string</td><td>access node (2025 activation 0x09)</td>
 *     <td>the activated public key, hex, for signature checks</td></tr>
 * <tr><td>{@code gb32960:nodes}</td><td>hash</td><td>every access node, every 500 ms</td>
 *     <td>node id to JSON {@code NodeStats} (host, port, connections, vehicles, capacity, at);
 *     entries older than 3 s are dead nodes and removed by readers</td></tr>
 * <tr><td>{@code gb32960:token:{VIN}}</td><td>string, TTL</td><td>dispatch listener</td>
 *     <td>the session token handed out with an assignment; consumed by the vehicle login</td></tr>
 * <tr><td>{@code gb32960:inflight:{cluster}:NODE}</td><td>counter, TTL</td><td>dispatch listener / access node</td>
 *     <td>vehicles assigned to the node and not yet counted in its stats; all nodes' counters share
 *     one hash slot, so one script reads them and counts an assignment</td></tr>
 * <tr><td>{@code gb32960:load:{cluster}}</td><td>hash</td><td>access node</td>
 *     <td>{@code NODE:connections}, {@code NODE:capacity}: written with the in-flight decrement, read by the assignment</td></tr>
 * <tr><td>{@code gb32960:cmdq:{VIN}}</td><td>list, TTL</td><td>command gateway / access node</td>
 *     <td>commands waiting for the vehicle's next login (JSON, each with its expiry)</td></tr>
 * <tr><td>{@code gb32960:commands:{NODE}}</td><td>pub/sub channel</td><td>command gateway</td>
 *     <td>commands for the vehicles the node holds</td></tr>
 * <tr><td>{@code gb32960:command-replies:{GATEWAY}}, {@code gb32960:command-results}</td><td>pub/sub channels</td>
 *     <td>access node</td><td>results to the sending gateway; results of queued commands to anyone</td></tr>
 * <tr><td>{@code gb32960:datakey:{VIN}}</td><td>hash</td><td>access node (2025 key exchange 0x0B)</td>
 *     <td>{@code type}, {@code key} (hex), {@code enableTime}, {@code expiryTime}</td></tr>
 * </table>
 */
public final class RedisKeys {

    public static final String PREFIX = "gb32960:";

    private RedisKeys() {
    }

    public static String vehicle(String vin) {
        return PREFIX + "vehicle:{" + vin + "}";
    }

    public static String platformAccount(String account) {
        return PREFIX + "platform:{" + account + "}";
    }

    public static String session(String vin) {
        return PREFIX + "session:{" + vin + "}";
    }

    public static String route(String vin) {
        return PREFIX + "route:{" + vin + "}";
    }

    public static String publicKey(String vin) {
        return PREFIX + "pubkey:{" + vin + "}";
    }

    public static String token(String vin) {
        return PREFIX + "token:{" + vin + "}";
    }

    public static String inflight(String nodeId) {
        return PREFIX + "inflight:{cluster}:" + nodeId;
    }

    /** Every node's connections and capacity as last reported ({@code NODE:connections}, {@code NODE:capacity}). */
    public static String nodeLoad() {
        return PREFIX + "load:{cluster}";
    }

    /** The VINs a node has routed to itself. */
    public static String nodeVins(String nodeId) {
        return PREFIX + "node-vins:{" + nodeId + "}";
    }

    /** The pub/sub channel of one node. */
    public static String nodeChannel(String nodeId) {
        return PREFIX + "node:{" + nodeId + "}";
    }

    /** The channel on which a node receives downlink commands for the vehicles it holds. */
    public static String commandChannel(String nodeId) {
        return PREFIX + "commands:{" + nodeId + "}";
    }

    /** The channel on which a command gateway receives the results of the commands it sent. */
    public static String commandReplies(String gatewayId) {
        return PREFIX + "command-replies:{" + gatewayId + "}";
    }

    /** Results of commands that waited in the offline queue (their sender may be gone), for any listener. */
    public static String commandResults() {
        return PREFIX + "command-results";
    }

    /** A vehicle's offline command queue (list of command JSON, oldest first). */
    public static String commandQueue(String vin) {
        return PREFIX + "cmdq:{" + vin + "}";
    }

    /** Every node that has published stats and not left cleanly: a node in it but not fresh in {@link #nodes()} died. */
    public static String knownNodes() {
        return PREFIX + "known-nodes";
    }

    public static String nodes() {
        return PREFIX + "nodes";
    }

    public static String dataKey(String vin) {
        return PREFIX + "datakey:{" + vin + "}";
    }
}
