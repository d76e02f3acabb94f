import { defineCommands } from '../commandKit.js';
import { mediaEventSchemas, type MediaEventResults } from './schemas.js';

const transportId = 'no-such-transport';
const dtls = { fingerprints: [{ algorithm: 'sha-256', value: 'AB' }] };
const opus = { codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }] };

/**
 * Observers receive media but never publish; holding microphones and strict circle are facilitators' tools.
 * Without a mediasoup worker every media command answers UNAVAILABLE.
 */
export const mediaCommands = defineCommands<MediaEventResults>()(mediaEventSchemas, {
  'media:join': {
    summary: 'Start media: the router’s capabilities and fresh TURN credentials; the media picture follows.',
    grant: 'listen',
    log: 'quiet',
    example: {},
  },
  'media:transport': {
    summary: 'Create a WebRTC transport to send or to receive.',
    grant: 'listen',
    log: 'quiet',
    example: { direction: 'recv' },
  },
  'media:connect': {
    summary: 'Connect a transport with the browser’s DTLS parameters.',
    grant: 'listen',
    log: 'quiet',
    example: { transportId, dtlsParameters: dtls },
  },
  'media:restartIce': {
    summary: 'Restart ICE on a transport after the network changed.',
    grant: 'listen',
    log: 'quiet',
    example: { transportId },
  },
  'media:produce': {
    summary: 'Publish a microphone or camera track.',
    grant: 'speak',
    listeners: true,
    log: 'quiet',
    rolePlay: 'publish',
    example: { transportId, kind: 'audio', source: 'mic', rtpParameters: opus },
    broadcasts: ['media:state'],
  },
  'media:consume': {
    summary: 'Receive someone’s track.',
    grant: 'listen',
    log: 'quiet',
    example: { producerId: 'no-such-producer', rtpCapabilities: {} },
  },
  'media:consumerPause': {
    summary: 'Stop receiving a track for a while (e.g. a hidden video).',
    grant: 'listen',
    log: 'quiet',
    example: { consumerId: 'no-such-consumer' },
  },
  'media:consumerResume': {
    summary: 'Receive a paused track again.',
    grant: 'listen',
    log: 'quiet',
    example: { consumerId: 'no-such-consumer' },
  },
  'media:pause': {
    summary: 'Mute one’s microphone or turn one’s camera off.',
    grant: 'speak',
    listeners: true,
    log: 'quiet',
    example: { source: 'camera' },
    broadcasts: ['media:state'],
  },
  'media:resume': {
    summary: 'Unmute one’s microphone or turn one’s camera on (not while a facilitator holds it).',
    grant: 'speak',
    listeners: true,
    log: 'quiet',
    rolePlay: 'publish',
    example: { source: 'camera' },
    broadcasts: ['media:state'],
  },
  'media:close': {
    summary: 'Stop publishing a source.',
    grant: 'speak',
    listeners: true,
    log: 'quiet',
    example: { source: 'camera' },
    broadcasts: ['media:state'],
  },
  'media:mute': {
    summary: 'Hold one member’s microphone: they cannot unmute until released.',
    grant: 'moderate',
    log: { says: '{actor} held the microphone of {target}', target: 'pid', outsideRecord: true },
    example: { pid: 'nobody' },
    broadcasts: ['media:state'],
  },
  'media:muteAll': {
    summary: 'Hold every member’s microphone.',
    grant: 'moderate',
    log: { says: '{actor} held all microphones', outsideRecord: true },
    example: {},
    broadcasts: ['media:state'],
  },
  'media:release': {
    summary: 'Release one held microphone (`pid`), or all of them.',
    grant: 'moderate',
    log: { says: '{actor} released microphones', target: 'pid', outsideRecord: true },
    example: { pid: 'nobody' },
    broadcasts: ['media:state'],
  },
  'media:strict': {
    summary: 'Strict circle on or off: only the person holding the word can be heard.',
    grant: 'moderate',
    log: {
      says: '{actor} turned strict circle on',
      off: '{actor} turned strict circle off',
      outsideRecord: true,
    },
    example: { on: false },
    broadcasts: ['media:state'],
  },
  'media:memberScreens': {
    summary:
      'Members may share their screen, or not (facilitators always may); turning it off stops members’ screens.',
    grant: 'moderate',
    log: {
      says: '{actor} let members share their screen',
      off: '{actor} stopped members sharing their screen',
      outsideRecord: true,
    },
    example: { on: false },
    broadcasts: ['media:state'],
  },
});
