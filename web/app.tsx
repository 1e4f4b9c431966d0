// The team page and the projector page of a hosted exercise, built with React
// into one script the host serves (no CDN). Everything from the scenario is
// rendered as text by React; nothing is inserted as HTML.
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ActionRow, ServerMessage, SharedView, TeamView, View } from '../src/host/protocol.js';

type Status = 'connecting' | 'open' | 'reconnecting' | 'refused';

function useHost(token: string) {
  const [view, setView] = useState<View | null>(null);
  const [status, setStatus] = useState<Status>('connecting');
  const [notice, setNotice] = useState<string>('');
  const socket = useRef<WebSocket | null>(null);
  const next = useRef(1);
  useEffect(() => {
    let stopped = false;
    let retry: number | undefined;
    const connect = () => {
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
      socket.current = ws;
      ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', id: next.current++, token }));
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as ServerMessage;
        if (message.type === 'welcome') setStatus('open');
        else if (message.type === 'state') setView(message.view);
        else if (message.type === 'ack') setNotice(message.text);
        else if (message.type === 'error') setNotice(`Refused: ${message.message}`);
      };
      ws.onclose = (event) => {
        if (stopped) return;
        if (event.code === 4003) {
          setStatus('refused');
          return;
        }
        // The host may be restarting from its journal: try again, and get the seat back.
        setStatus('reconnecting');
        retry = window.setTimeout(connect, 1000);
      };
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      socket.current?.close();
    };
  }, [token]);
  const send = (message: Record<string, unknown>) => {
    socket.current?.send(JSON.stringify({ ...message, id: next.current++ }));
  };
  return { view, status, notice, send };
}

/** The seconds left, counted down here from what the host last said. */
function useCountdown(view: View | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  const [base, setBase] = useState<{ at: number; remaining: number | null }>({ at: Date.now(), remaining: null });
  useEffect(() => setBase({ at: Date.now(), remaining: view?.remaining ?? null }), [view]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, []);
  if (base.remaining === null) return null;
  return Math.max(0, Math.ceil((base.remaining - (now - base.at)) / 1000));
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function Header({ view, status }: { view: SharedView; status: Status }) {
  const left = useCountdown(view as View);
  return (
    <header>
      <h1>{view.title}</h1>
      <p className="month" data-testid="month">
        {view.month} (turn {view.turn} of {view.turns})
        {view.over ? '' : ` · deciding ${view.deciding}`}
        {view.paused ? ' · paused' : left === null ? '' : ` · ${clock(left)} left`}
      </p>
      {status === 'reconnecting' ? <p className="warning" data-testid="reconnecting">Reconnecting to the host…</p> : null}
      {view.over ? <p className="over" data-testid="over">The exercise is over: {view.outcome}.</p> : null}
    </header>
  );
}

function Situation({ view }: { view: SharedView }) {
  return (
    <section>
      <h2>Situation</h2>
      <p>{view.posture}</p>
      <table data-testid="situation">
        <tbody>
          {view.situation.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.title}</th>
              <td>{row.value.toFixed(2)}</td>
              <td>{row.change >= 0 ? '+' : ''}{row.change.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Happened({ view }: { view: SharedView }) {
  if (view.turn === 0) return null;
  return (
    <section>
      <h2>What happened in {view.month}</h2>
      {view.happened.length === 0 ? <p>Nothing of note.</p> : (
        <ul data-testid="happened">
          {view.happened.map((item, i) => (
            <li key={i} className={item.kind}>{item.title === '' ? null : <strong>{item.title}: </strong>}{item.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Teams({ view }: { view: SharedView }) {
  if (view.over) return null;
  return (
    <section>
      <h2>Teams this turn</h2>
      <ul data-testid="teams">
        {view.teams.map((team) => <li key={team.actor}>{team.name}: {team.decided ? 'decided' : 'deciding'}</li>)}
      </ul>
    </section>
  );
}

function Actions({ view, send }: { view: TeamView; send: (message: Record<string, unknown>) => void }) {
  if (view.over) return null;
  const chosen = view.actions.find((action) => action.id === view.choice);
  return (
    <section>
      <h2>Your decision for {view.deciding}</h2>
      <p data-testid="choice">{chosen === undefined ? 'You have not chosen yet.' : `Your choice: ${chosen.title}. You can change it until the turn ends.`}</p>
      <ul className="actions">
        {view.actions.map((action: ActionRow) => (
          <li key={action.id}>
            <button
              type="button"
              data-action={action.id}
              aria-pressed={action.id === view.choice}
              onClick={() => send({ type: 'choose', turn: view.turn + 1, action: action.id })}
            >
              {action.title}
              {action.probability === null ? null : <span className="odds"> (model: {Math.round(action.probability * 100)}%)</span>}
            </button>
            <p className="tends">{action.tends}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Brief({ view }: { view: TeamView }) {
  return (
    <section className="brief" data-testid="brief">
      <h2>Your role: {view.role.name}</h2>
      <p>{view.role.brief}</p>
      {view.role.goals.length === 0 ? null : (
        <>
          <h3>Goals</h3>
          <ul>{view.role.goals.map((goal, i) => <li key={i}>{goal}</li>)}</ul>
        </>
      )}
    </section>
  );
}

function JoinForm() {
  const [code, setCode] = useState('');
  return (
    <main>
      <h1>Join the exercise</h1>
      <form onSubmit={(event) => { event.preventDefault(); location.hash = code.trim(); location.reload(); }}>
        <label>Your team's code <input value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" /></label>
        <button type="submit">Join</button>
      </form>
    </main>
  );
}

function App({ token, seat }: { token: string; seat: string }) {
  const { view, status, notice, send } = useHost(token);
  if (status === 'refused') return <main><p className="warning">The host does not know this link or code. Ask the instructor for yours.</p></main>;
  if (view === null) return <main><p>Connecting to the host…</p></main>;
  return (
    <main className={seat === 'screen' ? 'screen' : 'team'}>
      <Header view={view} status={status} />
      {view.seat === 'team' ? <Brief view={view} /> : null}
      <Situation view={view} />
      <Happened view={view} />
      {view.seat === 'team' ? <Actions view={view} send={send} /> : null}
      <Teams view={view} />
      {view.seat === 'team' && notice !== '' ? <p className="notice" role="status" data-testid="notice">{notice}</p> : null}
    </main>
  );
}

const root = document.getElementById('root');
if (root !== null) {
  const token = decodeURIComponent(location.hash.slice(1));
  createRoot(root).render(<StrictMode>{token === '' ? <JoinForm /> : <App token={token} seat={root.dataset.seat ?? 'team'} />}</StrictMode>);
}
