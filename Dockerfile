# Circle server + built client + a mediasoup worker. Build: docker build -t circle .
FROM node:20-bookworm AS build
WORKDIR /app
# The worker binary is cached here (not under $HOME) so the runtime stage can copy it.
ENV CIRCLE_CACHE_DIR=/app/.cache
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY e2e/package.json e2e/
RUN npm ci
COPY . .
# With internet this is mediasoup's own prebuilt download; offline it builds against Debian's libraries.
RUN bash scripts/mediasoup-worker.sh && npm run build

FROM node:20-bookworm-slim
# Libraries an offline-built worker links against (a prebuilt one needs none of them).
RUN apt-get update && apt-get install -y --no-install-recommends libuv1 libsrtp2-1 libusrsctp2 \
    libabsl20220623 libnss3 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production PORT=3000 CIRCLE_DATA_DIR=/data CIRCLE_CACHE_DIR=/app/.cache
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
VOLUME /data
EXPOSE 3000
USER node
CMD ["npm", "run", "start", "-w", "server"]
