// Valise operator page: polls notification-service's read APIs every 2 s (overview, search, the open note) as the
// signed-in caller (its token is in an HttpOnly cookie this script cannot read), and acknowledges a note as the
// signed-in office, or with another office's token typed in (held only in the input field, never stored).
// Plain DOM, no framework, no build step; every value from the API is written as text, never as HTML.
'use strict';

(() => {
	const POLL_MS = 2000;
	const PAGE_SIZE = 15;
	const STATES = ['RECEIVED', 'ROUTED', 'TRIAGE', 'DUPLICATE', 'DELIVERED', 'FAILED', 'ESCALATED', 'ACKNOWLEDGED'];
	const ACKNOWLEDGEABLE = new Set(['DELIVERED', 'ESCALATED']);
	const FLOW_LABELS = {
		RECEIVED: 'Received', ROUTED: 'Routed', TRIAGE: 'To triage', DELIVERED: 'Delivered',
		DELIVERY_FAILED: 'Failed', ESCALATED: 'Escalated', ACKNOWLEDGED: 'Acknowledged'
	};

	const view = {
		search: { q: '', state: '', office: '', overdue: false, page: 0 },
		selected: null,
		paused: false,
		timer: null,
		skewMs: 0,
		rendered: { overview: null, notes: null, detail: null },
		tracking: null
	};

	const $ = (id) => document.getElementById(id);

	/** Creates an element: props.text, props.className, props.attrs, props.data, props.on; children appended. */
	function el(tag, props = {}, ...children) {
		const node = document.createElement(tag);
		if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
		if (props.className) node.className = props.className;
		for (const [name, value] of Object.entries(props.attrs || {})) {
			if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
		}
		for (const [name, value] of Object.entries(props.data || {})) node.dataset[name] = String(value);
		for (const [event, handler] of Object.entries(props.on || {})) node.addEventListener(event, handler);
		for (const child of children.flat()) {
			if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
		}
		return node;
	}

	const badge = (state) => el('span', { className: 'badge', text: state || '—', data: { state: state || 'NONE' } });

	function serverNow() {
		return Date.now() + view.skewMs;
	}

	function formatTime(iso) {
		if (!iso) return '—';
		const date = new Date(iso);
		return date.toLocaleString(undefined, { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
	}

	function timeEl(iso) {
		return iso ? el('time', { text: formatTime(iso), attrs: { datetime: iso, title: iso } }) : el('span', { text: '—' });
	}

	/** "in 2 d 4 h" or "5 min over": the time left until a deadline, or over it. */
	function timeLeft(iso) {
		if (!iso) return { text: '—', over: false };
		const ms = Date.parse(iso) - serverNow();
		const over = ms < 0;
		let s = Math.abs(Math.round(ms / 1000));
		const d = Math.floor(s / 86400); s -= d * 86400;
		const h = Math.floor(s / 3600); s -= h * 3600;
		const m = Math.floor(s / 60); s -= m * 60;
		const parts = d > 0 ? [d + ' d', h + ' h'] : h > 0 ? [h + ' h', m + ' min'] : m > 0 ? [m + ' min'] : [s + ' s'];
		return { text: over ? parts.join(' ') + ' over' : 'in ' + parts.join(' '), over };
	}

	async function getJson(url) {
		const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' } });
		if (response.status === 401) signedOut();
		if (!response.ok) throw new Error(await problemText(response));
		return response.json();
	}

	// The session's token expired or was refused: the page itself now answers with the sign-in form.
	function signedOut() {
		window.location.reload();
	}

	async function problemText(response) {
		try {
			const problem = await response.json();
			return problem.detail || problem.title || ('HTTP ' + response.status);
		}
		catch (ignored) {
			return 'HTTP ' + response.status;
		}
	}

	// ---------------------------------------------------------------- polling

	async function refresh() {
		clearTimeout(view.timer);
		try {
			const query = new URLSearchParams({ page: view.search.page, size: PAGE_SIZE });
			for (const key of ['q', 'state', 'office']) if (view.search[key]) query.set(key, view.search[key]);
			if (view.search.overdue) query.set('overdue', 'true');
			const [overview, notes] = await Promise.all([getJson('api/v1/overview'), getJson('api/v1/notes?' + query)]);
			if (overview.at) view.skewMs = Date.parse(overview.at) - Date.now();
			renderOverview(overview);
			renderNotes(notes);
			if (view.selected) await refreshDetail();
			setLive('live', 'Live · updated ' + new Date().toLocaleTimeString());
		}
		catch (error) {
			setLive('error', 'Cannot reach the service (' + error.message + '); retrying…');
		}
		finally {
			if (!view.paused) view.timer = setTimeout(refresh, POLL_MS);
		}
	}

	async function refreshDetail() {
		const id = view.selected;
		try {
			const tracking = await getJson('api/v1/notes/' + encodeURIComponent(id));
			if (id === view.selected) renderDetail(tracking);
		}
		catch (error) {
			if (id === view.selected) {
				$('detail').hidden = true;
				$('detail-empty').hidden = false;
				$('detail-empty').textContent = 'Note ' + id + ': ' + error.message;
			}
		}
	}

	function setLive(status, text) {
		const live = $('live');
		if (view.paused && status === 'live') {
			status = 'paused';
			text = 'Paused · last update ' + new Date().toLocaleTimeString();
		}
		live.dataset.status = status;
		if (live.textContent !== text) live.textContent = text;
	}

	// ---------------------------------------------------------------- overview

	function renderOverview(overview) {
		const key = JSON.stringify({ ...overview, at: null, awaiting: overview.awaiting.map((a) => ({ ...a, secondsLeft: 0 })) });
		renderAwaiting(overview);
		if (key === view.rendered.overview) return;
		view.rendered.overview = key;
		$('kpi-in-flight').textContent = overview.inFlight;
		$('kpi-overdue').textContent = overview.overdue;
		$('kpi-triage').textContent = overview.triage;
		$('kpi-failed').textContent = overview.failedDeliveries;
		$('kpi-notes').textContent = overview.notes;
		$('kpi-overdue-card').classList.toggle('alert', overview.overdue > 0);
		$('kpi-failed-card').classList.toggle('alert', overview.failedDeliveries > 0);

		const max = Math.max(1, ...STATES.map((s) => overview.byState[s] || 0));
		$('state-counts').replaceChildren(...STATES.map((state) => {
			const count = overview.byState[state] || 0;
			const fill = el('span');
			fill.style.width = Math.round(100 * count / max) + '%';
			return el('li', { attrs: { id: 'count-' + state } },
				badge(state),
				el('span', { className: 'count', text: count }),
				el('span', { className: 'bar', attrs: { 'aria-hidden': 'true' } }, fill));
		}));

		$('last-hour').replaceChildren(...Object.entries(FLOW_LABELS).map(([event, label]) =>
			el('div', {}, el('dt', { text: label }), el('dd', { text: overview.lastHour[event] || 0 }))));

		$('flow').replaceChildren(...overview.recent.map((fact) => el('li', {},
			el('span', { className: 'flow-head' },
				timeEl(fact.at), badge(fact.event),
				openButton(fact.noteId, fact.registryNumber || shortId(fact.noteId))),
			el('span', { className: 'flow-detail', text: fact.detail }))));
	}

	function renderAwaiting(overview) {
		$('awaiting-empty').hidden = overview.awaiting.length > 0;
		$('awaiting').replaceChildren(...overview.awaiting.map((note) => {
			const left = timeLeft(note.deadline);
			return el('li', { className: left.over ? 'is-overdue' : '' },
				openButton(note.noteId, note.registryNumber || shortId(note.noteId)),
				el('span', { className: 'time-left', text: left.text, attrs: { title: 'Deadline ' + note.deadline } }),
				el('span', { className: 'who' },
					(note.office || '—') + ' · ' + note.state
					+ (note.escalationLevel > 0 ? ' · escalated (level ' + note.escalationLevel + ')' : '')
					+ (note.priority && note.priority !== 'NORMAL' ? ' · ' + note.priority : '')));
		}));
		if (overview.awaitingTotal > overview.awaiting.length) {
			$('awaiting').append(el('li', { className: 'who', text: (overview.awaitingTotal - overview.awaiting.length) + ' more…' }));
		}
	}

	function openButton(noteId, label) {
		return el('button', {
			className: 'open-note', text: label, data: { noteId },
			attrs: { type: 'button', 'aria-label': 'Open the timeline of note ' + label },
			on: { click: () => select(noteId, true) }
		});
	}

	const shortId = (id) => String(id).slice(0, 8);

	// ---------------------------------------------------------------- notes

	function renderNotes(page) {
		// Rendered again when the page or the selection changes, and every 30 s for the time left.
		const key = JSON.stringify([page, view.selected, Math.floor(serverNow() / 30000)]);
		if (key === view.rendered.notes) return;
		view.rendered.notes = key;
		const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.noteId : null;
		const focusedInList = focused && $('notes').contains(document.activeElement);
		$('notes').replaceChildren(...page.items.map((note) => {
			const left = timeLeft(note.acknowledgementDeadline);
			const settled = note.state === 'ACKNOWLEDGED' || note.state === 'DUPLICATE';
			return el('tr', { data: { noteId: note.noteId }, attrs: { 'aria-selected': note.noteId === view.selected ? 'true' : 'false' } },
				el('td', {},
					openButton(note.noteId, note.registryNumber || shortId(note.noteId)),
					el('span', { className: 'secondary-line', text: [note.reference ? 'No. ' + note.reference : null, note.sender].filter(Boolean).join(' · ') || '—', attrs: { title: note.sender || '' } })),
				el('td', { text: note.office || '—', attrs: { title: note.officeName || '' } }),
				el('td', {}, badge(note.state),
					note.failedDeliveries > 0 ? el('span', { className: 'secondary-line overdue-tag', text: note.failedDeliveries + ' failed' }) : null,
					!settled && note.acknowledgementDeadline
						? el('span', { className: 'secondary-line time-left' + (left.over ? ' overdue-tag' : ''), text: left.text,
							attrs: { title: 'Acknowledge by ' + formatTime(note.acknowledgementDeadline) } })
						: null));
		}));
		$('notes-empty').hidden = page.items.length > 0;
		$('page-info').textContent = page.totalItems === 0 ? '' : 'Page ' + (page.page + 1) + ' of ' + page.totalPages + ' · ' + page.totalItems + ' notes';
		$('page-previous').disabled = page.page <= 0;
		$('page-next').disabled = page.page + 1 >= page.totalPages;
		if (focusedInList) {
			const again = $('notes').querySelector('button[data-note-id="' + CSS.escape(focused) + '"]');
			if (again) again.focus();
		}
	}

	// ---------------------------------------------------------------- one note

	function select(noteId, focus) {
		if (view.selected !== noteId) {
			view.selected = noteId;
			view.rendered.detail = null;
			view.rendered.notes = null;
			$('ack-message').textContent = '';
			delete $('ack-message').dataset.kind;
			history.replaceState(null, '', '#note=' + encodeURIComponent(noteId));
		}
		refresh().then(() => { if (focus) $('detail-heading').focus(); });
	}

	function renderDetail(t) {
		view.tracking = t;
		const key = JSON.stringify(t);
		if (key === view.rendered.detail) return;
		view.rendered.detail = key;
		$('detail-empty').hidden = true;
		$('detail').hidden = false;
		$('detail').dataset.noteId = t.noteId;
		const label = t.registryNumber || t.noteId;
		$('detail-registry').textContent = label;
		const state = $('detail-state');
		state.textContent = t.state || '—';
		state.dataset.state = t.state || 'NONE';
		const note = t.note || {};
		const office = t.destination ? t.destination.name + ' (' + t.destination.id + ')' : 'no office yet';
		$('detail-summary').textContent = [
			note.reference ? 'No. ' + note.reference : null, note.sender, '→ ' + office,
			t.priority ? 'priority ' + t.priority : null,
			t.acknowledgementDeadline ? 'acknowledge by ' + formatTime(t.acknowledgementDeadline) : null
		].filter(Boolean).join(' · ');

		renderAcknowledgement(t);
		renderExplanation(t);
		$('detail-timeline').replaceChildren(...t.timeline.map((entry) => el('li', {},
			timeEl(entry.at), el('span', {}, badge(entry.event)), el('span', { text: entry.detail }))));
		renderDeliveries(t);
		renderEscalations(t);
		renderReceipt(t);
		renderFields(t);
	}

	function renderExplanation(t) {
		const why = t.explanation;
		if (!why) {
			$('detail-explanation').replaceChildren(el('p', { className: 'empty', text: 'Not routed yet.' }));
			return;
		}
		const decided = t.decidedBy && t.decidedBy !== 'rules' ? 'decided by ' + t.decidedBy + (t.reason ? ' (' + t.reason + ')' : '') : 'decided by the rules';
		const copies = (t.copies || []).map((c) => c.office.id + ' (' + c.purpose.toLowerCase() + ')');
		$('detail-explanation').replaceChildren(...[
			el('p', { className: 'explanation-rule' }, 'Rule ', el('code', { text: why.rule || 'none' }), ' · revision ' + t.revision + ', ' + decided
				+ (t.outcome ? ' · outcome ' + t.outcome : '')),
			el('p', { className: 'explanation-summary', text: why.summary || '' }),
			(why.evidence || []).length ? el('ul', { className: 'evidence', attrs: { 'aria-label': 'Evidence quoted from the note' } },
				why.evidence.map((quote) => el('li', {}, el('q', { text: quote })))) : null,
			copies.length ? el('p', { className: 'meta', text: 'In copy: ' + copies.join(', ') }) : null,
			t.duplicateOf ? el('p', { className: 'meta', text: 'Duplicate of ' + (t.duplicateOf.registryNumber || t.duplicateOf.noteId) }) : null
		].filter(Boolean));
	}

	function renderAcknowledgement(t) {
		const done = (t.acknowledgements || []).filter((a) => a.revision === t.revision);
		const form = $('ack-form');
		if (done.length) {
			const a = done[0];
			$('ack-state').textContent = 'Acknowledged for ' + a.office + ' by ' + a.acknowledgedBy + ' on ' + formatTime(a.acknowledgedAt)
				+ (a.via === 'link' ? ' (signed link)' : '') + (a.comment ? ' — “' + a.comment + '”' : '') + '.';
			form.hidden = true;
		}
		else if (ACKNOWLEDGEABLE.has(t.state)) {
			const left = timeLeft(t.acknowledgementDeadline);
			$('ack-state').textContent = 'Awaiting acknowledgement by ' + (t.destination ? t.destination.id : 'the destination office')
				+ ((t.escalations || []).some((e) => e.revision === t.revision) ? ' (or the offices it was escalated to)' : '')
				+ (t.acknowledgementDeadline ? ', deadline ' + left.text + '.' : '.');
			form.hidden = false;
		}
		else {
			$('ack-state').textContent = t.state === 'DUPLICATE' ? 'A duplicate: acknowledge the note registered first.'
				: 'Can be acknowledged once the note is delivered (now ' + (t.state || 'unknown') + ').';
			form.hidden = true;
		}
	}

	function renderDeliveries(t) {
		const rows = t.deliveries || [];
		$('detail-deliveries').replaceChildren(rows.length === 0 ? el('p', { className: 'empty', text: 'None yet.' })
			: el('table', { className: 'data' },
				el('caption', { className: 'visually-hidden', text: 'Deliveries of the note' }),
				el('thead', {}, el('tr', {}, ['Office', 'Channel', 'Address', 'Status', 'Attempts', 'When'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })))),
				el('tbody', {}, rows.map((d) => el('tr', {},
					el('td', { text: d.office + (d.purpose === 'ESCALATION' ? ' (escalation ' + d.level + ')' : '') }),
					el('td', { text: d.channel }),
					el('td', { text: d.address }),
					el('td', {}, badge(d.status === 'FAILED' ? 'FAILED' : d.status), d.lastError ? el('span', { className: 'secondary-line', text: d.lastError, attrs: { title: d.lastError } }) : null),
					el('td', { text: d.attempts }),
					el('td', {}, timeEl(d.deliveredAt || d.failedAt)))))));
	}

	function renderEscalations(t) {
		const rows = t.escalations || [];
		$('detail-escalations').replaceChildren(rows.length === 0
			? el('p', { className: 'empty', text: t.nextEscalationAt ? 'None; the next is due ' + timeLeft(t.nextEscalationAt).text + '.' : 'None.' })
			: el('ol', { className: 'timeline' }, rows.map((e) => el('li', {},
				timeEl(e.escalatedAt), el('span', {}, badge('ESCALATED')),
				el('span', { text: 'Level ' + e.level + ' → ' + e.escalatedTo.name + ' (' + e.escalatedTo.id + '); deadline missed ' + formatTime(e.missedDeadline) })))));
	}

	function renderReceipt(t) {
		const draft = t.receiptDraft;
		$('detail-receipt').replaceChildren(...(draft
			? [el('p', { className: 'meta', text: 'In ' + draft.language + ', drafted ' + formatTime(draft.draftedAt) + ' (on ' + draft.trigger.toLowerCase() + ') for ' + draft.addressee }),
				el('pre', { className: 'draft', text: draft.text, attrs: { lang: draft.language, id: 'receipt-text' } })]
			: [el('p', { className: 'empty', text: 'Not drafted yet.' })]));
	}

	function renderFields(t) {
		const note = t.note || {};
		const enclosures = (note.enclosures || []).map((e) => [e.title, e.author ? 'by ' + e.author : null, e.addressee ? 'to ' + e.addressee : null].filter(Boolean).join(', '));
		const fields = [
			['Note id', t.noteId], ['Reference', note.reference], ['Date', note.date], ['Place', note.place],
			['Sender', note.sender], ['Recipient', note.recipient], ['For the head', note.recipientHead],
			['Subject', note.subject], ['Requested action', note.requestedAction], ['Enclosures', enclosures.join('; ')],
			['Language', note.language], ['Scripts', (note.scripts || []).join(', ')],
			['Confidential', note.confidential ? 'yes' : 'no'], ['Received', t.receivedAt ? formatTime(t.receivedAt) : null],
			['Registered', t.registeredAt ? formatTime(t.registeredAt) : null], ['Trace id', t.traceId]
		];
		$('detail-fields').replaceChildren(...fields.filter(([, v]) => v !== null && v !== undefined && v !== '')
			.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: value })]));
	}

	// ---------------------------------------------------------------- acknowledging

	async function acknowledge(event) {
		event.preventDefault();
		const id = view.selected;
		const token = $('ack-token').value.trim();
		const acknowledgedBy = $('ack-by').value.trim();
		const comment = $('ack-comment').value.trim();
		if (!id || !acknowledgedBy) {
			message('error', 'Enter who acknowledges.');
			return;
		}
		$('ack-submit').disabled = true;
		message('', 'Acknowledging…');
		try {
			// As the signed-in office (the session cookie, valid for a write only with the page's own header), or with the
			// token typed in.
			const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Valise-Page': '1' };
			if (token) headers.Authorization = 'Bearer ' + token;
			const response = await fetch('api/v1/notes/' + encodeURIComponent(id) + '/acknowledgements', {
				method: 'POST', cache: 'no-store', credentials: token ? 'omit' : 'same-origin', headers,
				body: JSON.stringify({ acknowledgedBy, comment: comment || null })
			});
			if (!response.ok) {
				message('error', 'Refused: ' + await problemText(response));
				return;
			}
			const accepted = await response.json();
			$('ack-token').value = '';
			message('ok', accepted.status === 'ACKNOWLEDGED'
				? 'Acknowledged for ' + accepted.office + ' by ' + accepted.acknowledgedBy + '.'
				: 'Recorded; the decision will show in a moment.');
		}
		catch (error) {
			message('error', 'Could not reach the service: ' + error.message);
		}
		finally {
			$('ack-submit').disabled = false;
			view.rendered.detail = null;
			refresh();
		}
	}

	function message(kind, text) {
		const node = $('ack-message');
		if (kind) node.dataset.kind = kind; else delete node.dataset.kind;
		node.textContent = text;
	}

	// ---------------------------------------------------------------- wiring

	async function whoAmI() {
		try {
			const me = await getJson('api/v1/me');
			$('me').textContent = 'Signed in as ' + me.name + ' (' + me.roles.map((r) => r.toLowerCase()).join(', ')
				+ (me.office ? ' ' + me.office : '') + ')';
		}
		catch (ignored) {
			$('me').textContent = '';
		}
	}

	function init() {
		whoAmI();
		const stateSelect = $('search-state');
		STATES.forEach((s) => stateSelect.append(el('option', { text: s, attrs: { value: s } })));
		$('search').addEventListener('submit', (event) => {
			event.preventDefault();
			view.search = {
				q: $('search-q').value.trim(), state: stateSelect.value, office: $('search-office').value.trim().toUpperCase(),
				overdue: $('search-overdue').checked, page: 0
			};
			refresh();
		});
		$('page-previous').addEventListener('click', () => { view.search.page = Math.max(0, view.search.page - 1); refresh(); });
		$('page-next').addEventListener('click', () => { view.search.page += 1; refresh(); });
		$('ack-form').addEventListener('submit', acknowledge);
		$('pause').addEventListener('click', () => {
			view.paused = !view.paused;
			$('pause').setAttribute('aria-pressed', String(view.paused));
			$('pause').textContent = view.paused ? 'Resume updates' : 'Pause updates';
			refresh();
		});
		const fromHash = /^#note=([0-9a-fA-F-]{36})$/.exec(location.hash);
		if (fromHash) view.selected = decodeURIComponent(fromHash[1]);
		refresh();
	}

	init();
})();
