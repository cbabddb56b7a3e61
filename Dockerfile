# One image for the API and the worker (docker-compose.yml picks the command).
FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nest build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
# OCR of scanned documents (imports): Tesseract with its Vietnamese data, pdftoppm to rasterise PDF pages.
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie poppler-utils \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 DATA_DIR=/data LOG_FORMAT=json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY config ./config
COPY templates ./templates
COPY web ./web
RUN mkdir -p /data && chown node /data
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
