// call.js — a minimal one-to-one WebRTC video call.
// Signaling (how offers, answers and ICE candidates travel between the peers) is a
// WebSocket here; any channel works.

const signaling = new WebSocket('wss://signal.example.com/room/42');

const configuration = {
  iceServers: [
    { urls: 'stun:stun.l.google.com:19302' },
    // { urls: 'turn:turn.example.com:3478', username: 'user', credential: 'secret' },
  ],
};

const pc = new RTCPeerConnection(configuration);
const localVideo = document.querySelector('#local');
const remoteVideo = document.querySelector('#remote');

function send(message) {
  signaling.send(JSON.stringify(message));
}

// Every ICE candidate we discover goes to the other peer.
pc.onicecandidate = ({ candidate }) => {
  if (candidate) send({ type: 'candidate', candidate });
};

// The remote peer's media arrives as tracks.
pc.ontrack = ({ streams: [stream] }) => {
  if (remoteVideo.srcObject !== stream) remoteVideo.srcObject = stream;
};

pc.onconnectionstatechange = () => {
  console.log('connection state:', pc.connectionState);
};

async function startLocalMedia() {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
  localVideo.srcObject = stream;
  for (const track of stream.getTracks()) pc.addTrack(track, stream);
}

// Caller side: create the offer and send it.
async function call() {
  await startLocalMedia();
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  send({ type: 'offer', sdp: pc.localDescription });
}

signaling.onmessage = async (event) => {
  const message = JSON.parse(event.data);
  switch (message.type) {
    case 'offer': {
      // Callee side: answer the offer.
      await startLocalMedia();
      await pc.setRemoteDescription(message.sdp);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      send({ type: 'answer', sdp: pc.localDescription });
      break;
    }
    case 'answer':
      await pc.setRemoteDescription(message.sdp);
      break;
    case 'candidate':
      try {
        await pc.addIceCandidate(message.candidate);
      } catch (err) {
        console.error('could not add ICE candidate', err);
      }
      break;
    default:
      console.warn('unknown signaling message', message.type);
  }
};

document.querySelector('#call').addEventListener('click', () => {
  call().catch((err) => console.error('call failed', err));
});

document.querySelector('#hangup').addEventListener('click', () => {
  for (const sender of pc.getSenders()) sender.track?.stop();
  pc.close();
  signaling.close();
});
