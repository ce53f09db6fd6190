// The chat panel. All WebSocket work is done by playground/shared/chat.ts — HarmonyOS code,
// bundled for this page by playground/rollup.shared.mjs — this file only wires it to the DOM.
const $ = (id) => document.getElementById(id);
const note = (text, tone = '') => {
  $('chat-note').textContent = text;
  $('chat-note').className = `note ${tone}`;
};

// An error as the chat note shows it; `cause` (not enumerable) says what was wrong and how to fix it.
const describe = (err) => `${err.code} ${err.message}${err.cause ? ` — ${err.cause}` : ''}`;

const animals = ['otter', 'heron', 'lynx', 'panda', 'gecko', 'robin', 'koala', 'ibex'];
$('chat-name').value = `${animals[Math.floor(Math.random() * animals.length)]}-${Math.floor(Math.random() * 90 + 10)}`;

let ChatRoom;
try {
  ({ ChatRoom } = await import('/build/chat.js'));
} catch (err) {
  note(err.message, 'bad');
  for (const id of ['chat-join', 'chat-leave', 'chat-say']) $(id).disabled = true;
}

const config = await fetch('/config.json').then((r) => r.json());
let room;

function line(from, text, kind = '') {
  const li = document.createElement('li');
  li.className = kind || (from === room?.name ? 'mine' : '');
  const who = document.createElement('b');
  who.textContent = from;
  const what = document.createElement('span');
  what.textContent = text;
  li.append(who, what);
  $('chat-lines').append(li);
  $('chat-lines').scrollTop = $('chat-lines').scrollHeight;
}

$('chat-join').addEventListener('click', async () => {
  if (room) return note('already in the room');
  const name = $('chat-name').value.trim() || 'anonymous';
  let before; // the head count last announced: a change is someone joining or leaving
  const me = new ChatRoom(name, {
    onLine: (l) => line(l.from, l.text),
    onPresence: (online) => {
      if (before !== undefined && online !== before) {
        line('•', `someone ${online > before ? 'joined' : 'left'} · ${online} online`, online > before ? 'status joined' : 'status left');
      }
      before = online;
      $('online').textContent = `${online} online`;
      $('online').dataset.count = String(online);
    },
    onStatus: (status) => line('•', status, 'status'),
  });
  room = me;
  try {
    await me.join(config.chat);
    note(`joined as ${name}`, 'good');
    $('chat-text').focus();
  } catch (err) {
    room = undefined;
    note(`could not join: ${describe(err)}`, 'bad');
  }
});

$('chat-leave').addEventListener('click', async () => {
  if (!room) return note('not in the room');
  const me = room;
  room = undefined;
  try {
    const result = await me.leave();
    note(`left (${result.code})`);
  } catch (err) {
    note(`leave failed: ${describe(err)}`, 'bad');
  }
  $('online').textContent = 'offline';
  delete $('online').dataset.count;
});

$('chat-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('chat-text').value;
  if (!room) return note('join the room first', 'bad');
  if (!text) return;
  try {
    await room.say(text);
    $('chat-text').value = '';
  } catch (err) {
    note(`say failed: ${describe(err)}`, 'bad');
  }
});

document.body.dataset.chat = ChatRoom ? 'ready' : 'broken';
