// A storefront's live connection, as the storefront plans write it: socket.io-client with
// auth at connect, one subscribe, every event printed as a JSON line on stdout
// ({event, data}), and a resubscribe with `since` (the last id seen) after a reconnect.
// Usage: node client.mjs URL SUBSCRIBE_JSON [AUTH_JSON]
import { io } from "socket.io-client";

const [url, subscribeJson, authJson] = process.argv.slice(2);
const request = JSON.parse(subscribeJson);
let lastId = null;

const socket = io(url, {
  auth: authJson ? JSON.parse(authJson) : undefined,
  transports: ["websocket"],
  reconnectionDelay: 200,
  reconnectionDelayMax: 1000,
});

const print = (event, data) => console.log(JSON.stringify({ event, data }));

socket.on("connect", () => {
  socket.emit("subscribe", lastId === null ? request : { ...request, since: lastId });
});
socket.on("connect_error", (error) => print("connect_error", { message: error.message,
                                                               data: error.data ?? null }));
socket.onAny((event, data) => {
  if (data && typeof data.id === "number") lastId = Math.max(lastId ?? 0, data.id);
  print(event, data);
});
process.on("SIGTERM", () => {
  socket.close();
  process.exit(0);
});
